#!/usr/bin/env bash
# A local Keycloak with Baton's realm (server-config/keycloak/baton-realm.json) on 127.0.0.1:8180,
# the one the tests start (dev mode, in-memory database: each start is a fresh realm). The test
# users alice, audrey, adam and nobody get one random password, printed once; so is the admin's.
# Ctrl-C stops Keycloak. KC_PORT changes the port. Needs Maven (it fetches the distribution into
# target/keycloak), curl and jq.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${KC_PORT:-8180}
base=http://127.0.0.1:$port
issuer=$base/realms/baton
home=target/keycloak
log=target/keycloak.log

if curl -s -o /dev/null "$base/"; then echo "keycloak.sh: port $port is taken" >&2; exit 1; fi
if [ ! -x $home/bin/kc.sh ]; then
  echo "Fetching Keycloak through Maven (~170 MB, once) into $home"
  mvn -B -q dependency:unpack@keycloak -Dmdep.overWriteReleases=true
fi
mkdir -p $home/data/import && cp server-config/keycloak/baton-realm.json $home/data/import/

secret() { head -c 18 /dev/urandom | base64 | tr '+/' '-_'; }
admin_password=$(secret)
password=$(secret)

KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$admin_password $home/bin/kc.sh start-dev \
  --db=dev-mem --import-realm --http-host=127.0.0.1 --http-port="$port" --hostname="$base" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; exit' EXIT INT TERM
echo "Keycloak is starting (30-60 s; log: $log)"
for _ in $(seq 180); do
  curl -sf -o /dev/null "$issuer/.well-known/openid-configuration" && break
  kill -0 "$pid" 2>/dev/null || { echo "keycloak.sh: Keycloak exited; see $log" >&2; exit 1; }
  sleep 1
done
curl -sf -o /dev/null "$issuer/.well-known/openid-configuration" || { echo "keycloak.sh: not ready in 180 s" >&2; exit 1; }

# Secrets go through stdin and the environment, never on a command line (ps shows those).
token=$(printf %s "$admin_password" | curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin \
  --data-urlencode password@- "$base/realms/master/protocol/openid-connect/token" | jq -r .access_token)
for user in alice audrey adam nobody; do
  id=$(curl -sf -H "Authorization: Bearer $token" "$base/admin/realms/baton/users?exact=true&username=$user" | jq -r '.[0].id')
  PASSWORD=$password jq -n '{type: "password", value: env.PASSWORD, temporary: false}' |
    curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d @- \
      "$base/admin/realms/baton/users/$id/reset-password"
done

cat <<EOF

Keycloak is ready: realm baton at $issuer
  users alice (baton-user), audrey (+baton-auditor), adam (+baton-admin), nobody (no role)
  their password: $password
  admin console:  $base/admin/  (admin / $admin_password)
  clients: baton-web (public, PKCE S256), baton-portal (confidential); redirects to http://127.0.0.1:* or http://localhost:*
           baton-cli (public, device grant: a token for curl, see README "Sign in with Keycloak")

Baton's settings:
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=$issuer/protocol/openid-connect/certs
export MP_JWT_VERIFY_ISSUER=$issuer
export MP_JWT_VERIFY_AUDIENCES=baton

Ctrl-C stops Keycloak.
EOF
wait "$pid"
