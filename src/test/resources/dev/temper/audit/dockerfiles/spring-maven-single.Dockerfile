FROM maven:3.9-eclipse-temurin-17
WORKDIR /app
COPY pom.xml .
COPY src ./src
RUN mvn -B package -DskipTests
EXPOSE 8080
CMD java -jar target/demo-0.0.1.jar
