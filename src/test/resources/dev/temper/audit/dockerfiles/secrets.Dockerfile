FROM eclipse-temurin:17-jre
ARG GITHUB_TOKEN
ENV DB_PASSWORD=hunter2 \
    JAVA_OPTS="-Xmx512m"
ADD https://downloads.example/agent.jar /opt/agent.jar
ADD app.jar /opt/app.jar
ENTRYPOINT ["java", "-javaagent:/opt/agent.jar", "-jar", "/opt/app.jar"]
