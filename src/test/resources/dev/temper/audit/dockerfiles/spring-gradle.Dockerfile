FROM gradle:8-jdk17 AS builder
COPY --chown=gradle:gradle . /home/gradle/src
WORKDIR /home/gradle/src
RUN gradle bootJar --no-daemon

FROM openjdk:17-jdk-slim
RUN mkdir /app
COPY --from=builder /home/gradle/src/build/libs/app.jar /app/app.jar
ENTRYPOINT java -jar /app/app.jar
