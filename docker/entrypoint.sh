#!/bin/sh
# Starts one Baton node in a container. The node is configured only through the environment:
#   BATON_NODE_NAME         this node's name in the data grid (default: the container's hostname)
#   BATON_CLUSTER_NAME      the data grid's name; nodes with the same name form one grid (baton)
#   BATON_CLUSTER_MEMBERS   the nodes' grid addresses, host:port,host:port (required)
#   BATON_DB_URL, BATON_DB_USER, BATON_DB_PASSWORD, MP_JWT_VERIFY_* and every other setting of
#   the README reach Baton as they are.
# The JVM's memory follows the container's limit (-XX:MaxRAMPercentage). The HTTP listener listens on
# every interface of the container (baton.http.address, read by the pre-boot commands).
set -eu
: "${BATON_CLUSTER_MEMBERS:?set BATON_CLUSTER_MEMBERS, e.g. baton-1:6900,baton-2:6900}"
exec java -XX:MaxRAMPercentage=70 -Dbaton.http.address=0.0.0.0 -jar /opt/payara/payara-micro.jar \
  --deploy /opt/payara/baton/ROOT.war \
  --prebootcommandfile /opt/payara/baton/server-config/pre-boot-commands.asadmin \
  --systemproperties /opt/payara/baton/server-config/system.properties \
  --name "${BATON_NODE_NAME:-$(hostname)}" \
  --clustername "${BATON_CLUSTER_NAME:-baton}" \
  --clustermode "tcpip:${BATON_CLUSTER_MEMBERS}" \
  --startport 6900 \
  --port 8080 \
  --disablephonehome
