# Redis 7 from Debian's packages, laid out as the official image (redis:7): docker-entrypoint.sh, the redis user,
# /data the working and volume folder (RDB and AOF files), protected mode off: a local stand-in for redis:7.
ARG DEBIAN
FROM ${DEBIAN}
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends redis-server redis-tools >/dev/null \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /usr/share/doc /usr/share/man \
 && mkdir /data && chown redis:redis /data
COPY redis-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
VOLUME /data
WORKDIR /data
USER redis
EXPOSE 6379
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["redis-server"]
