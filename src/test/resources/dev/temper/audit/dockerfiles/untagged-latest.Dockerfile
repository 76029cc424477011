FROM ubuntu AS tools
RUN apt-get install -y git | tee /tmp/log
FROM debian:latest
COPY --from=tools /usr/bin/git /usr/bin/git
MAINTAINER someone@example.com
WORKDIR app
CMD ["git", "--version"]
