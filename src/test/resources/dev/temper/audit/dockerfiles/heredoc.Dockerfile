# syntax=docker/dockerfile:1.7
FROM maven:3.9-eclipse-temurin-17
WORKDIR /build
COPY <<-EOF /build/settings.xml
	<settings/>
	EOF
COPY . .
RUN <<EOF
set -e
mvn -B -s settings.xml package
cp target/*.jar /build/app.jar
EOF
CMD ["java", "-jar", "/build/app.jar"]
