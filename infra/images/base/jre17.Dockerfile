# A Java 17 runtime from Debian's packages, with the CA certificates its HTTPS calls need (Stripe, Keycloak behind
# TLS): the local stand-in for the official eclipse-temurin:17-jre.
ARG DEBIAN
FROM ${DEBIAN}
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless ca-certificates >/dev/null \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /usr/share/doc /usr/share/man \
 && ln -s "$(dirname "$(dirname "$(readlink -f /usr/bin/java)")")" /opt/java
ENV JAVA_HOME=/opt/java
