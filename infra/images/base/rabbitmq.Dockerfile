# RabbitMQ from Debian's packages (3.10), laid out as the official image (rabbitmq:4.1): docker-entrypoint.sh, the
# rabbitmq user, /etc/rabbitmq/rabbitmq.conf and conf.d/*.conf, data, Erlang cookie and HOME in /var/lib/rabbitmq
# (a volume: the node's name follows the host name), logs on the console: a local stand-in for rabbitmq:4.1.
ARG DEBIAN
FROM ${DEBIAN}
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends rabbitmq-server >/dev/null \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /usr/share/doc /usr/share/man \
 && rm -f /var/lib/rabbitmq/.erlang.cookie \
 && mkdir -p /etc/rabbitmq/conf.d \
 && printf '%s\n' 'loopback_users.guest = false' 'log.console = true' >/etc/rabbitmq/conf.d/10-defaults.conf \
 && chown -R rabbitmq:rabbitmq /etc/rabbitmq /var/lib/rabbitmq /var/log/rabbitmq
COPY rabbitmq-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENV PATH=/usr/lib/rabbitmq/bin:$PATH HOME=/var/lib/rabbitmq RABBITMQ_DATA_DIR=/var/lib/rabbitmq
VOLUME /var/lib/rabbitmq
USER rabbitmq
EXPOSE 4369 5671 5672 15691 15692 25672
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["rabbitmq-server"]
