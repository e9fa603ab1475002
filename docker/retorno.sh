#!/bin/sh
# The image's `retorno` command: what ./retorno at the repository root runs, from /opt/retorno.
# JAVA_OPTS is split on spaces on purpose (several JVM flags in one variable).
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--XX:MaxRAMPercentage=75} -cp '/opt/retorno/*:/opt/retorno/lib/*' \
  org.retorno.local.cli.RetornoCli "$@"
