FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y curl
COPY app.jar /opt/app.jar
HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/ || exit 1
USER root
CMD java -jar /opt/app.jar
