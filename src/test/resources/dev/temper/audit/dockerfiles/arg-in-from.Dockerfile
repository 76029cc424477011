ARG BUILDER=maven:3.9-eclipse-temurin-17
ARG RUNTIME=eclipse-temurin:17-jre
FROM ${BUILDER} AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package

FROM ${RUNTIME}
ARG APP_VERSION=1.0
ENV APP_VERSION=${APP_VERSION}
COPY --from=build /src/target/service-${APP_VERSION}.jar /srv/service.jar
ENTRYPOINT ["java", "-jar", "/srv/service.jar"]
