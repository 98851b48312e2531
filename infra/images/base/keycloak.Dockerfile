# Keycloak's distribution laid out as in the official image (quay.io/keycloak/keycloak): /opt/keycloak, user 1000,
# kc.sh as the entry point. A local stand-in for that image, on the local Java runtime.
ARG JRE
FROM ${JRE}
COPY keycloak-quarkus-dist-*.zip /tmp/keycloak.zip
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends unzip >/dev/null \
 && unzip -q /tmp/keycloak.zip -d /opt && mv /opt/keycloak-* /opt/keycloak && rm /tmp/keycloak.zip \
 && apt-get purge -y -qq unzip >/dev/null && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && echo "keycloak:x:1000:0:keycloak:/opt/keycloak:/sbin/nologin" >> /etc/passwd \
 && chown -R 1000:0 /opt/keycloak && chmod -R g+rwX /opt/keycloak
USER 1000
WORKDIR /opt/keycloak
EXPOSE 8080 9000
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]
