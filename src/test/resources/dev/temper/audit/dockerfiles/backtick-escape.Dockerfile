# escape=`
FROM eclipse-temurin:17-jdk AS build
WORKDIR C:\src
COPY . .
RUN ./mvnw -B package `
    -DskipTests
FROM eclipse-temurin:17-jre
COPY --from=build /src/target/app.jar /app/app.jar
CMD java $JAVA_OPTS -jar /app/app.jar
