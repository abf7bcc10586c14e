#!/usr/bin/env bash
# The README's walkthrough as one script: the whole flow against Baton in demo mode.
# Needs curl and jq. BATON points at the server (default http://127.0.0.1:8080).
set -euo pipefail
BATON=${BATON:-http://127.0.0.1:8080}
API=$BATON/api/v1

# A user's token, signed by Baton itself in demo mode (an SSO issues it in production).
TOKEN=$(curl -s -X POST $BATON/dev/token -H 'Content-Type: application/json' \
  -d '{"user":"alice","groups":["baton-user","baton-auditor"]}' | jq -r .token)
AUTH="Authorization: Bearer $TOKEN"

# 1. Register the desktop and the phone; each answer holds its device token, shown only once.
DESKTOP=$(curl -s -X POST $API/devices -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"name":"Office desktop","kind":"desktop","platform":"Windows 11"}')
PHONE=$(curl -s -X POST $API/devices -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"name":"My phone","kind":"phone","platform":"Android 15"}')
DESKTOP_ID=$(jq -r .id <<<"$DESKTOP"); DESKTOP_TOKEN=$(jq -r .deviceToken <<<"$DESKTOP")
PHONE_ID=$(jq -r .id <<<"$PHONE");     PHONE_TOKEN=$(jq -r .deviceToken <<<"$PHONE")
echo "desktop $DESKTOP_ID, phone $PHONE_ID"

# 2. The desktop opens a session of the portal with some state.
SESSION=$(curl -s -X POST $API/sessions -H "$AUTH" -H "Baton-Device-Token: $DESKTOP_TOKEN" \
  -H 'Content-Type: application/json' -d '{"application":"portal","state":{"form":"loan-42","step":3}}')
SESSION_ID=$(jq -r .id <<<"$SESSION"); DESKTOP_SESSION_TOKEN=$(jq -r .sessionToken <<<"$SESSION")
echo "session $SESSION_ID:"; jq -c '{application, state, version, holderDeviceId}' <<<"$SESSION"

# 3. The desktop asks to move the session to the phone; the session information rides in a header.
INFO=$(printf '{"page":"/loans/42/step/3","scroll":1200}' | base64 -w0 | tr '+/' '-_' | tr -d '=')
TRANSFER=$(curl -s -X POST $API/sessions/$SESSION_ID/transfers -H "$AUTH" \
  -H "Baton-Device-Token: $DESKTOP_TOKEN" -H "Baton-Session-Token: $DESKTOP_SESSION_TOKEN" \
  -H "Baton-Session-Info: $INFO" -H 'Content-Type: application/json' -d "{\"targetDeviceId\":\"$PHONE_ID\"}")
TRANSFER_ID=$(jq -r .id <<<"$TRANSFER"); CODE=$(jq -r .claimCode <<<"$TRANSFER")
echo "transfer:"; jq -c '{id, status, claimCode, expiresAt}' <<<"$TRANSFER"

# 4-5. On the phone the user signs in again (a fresh token) and types the code shown on the desktop.
FRESH=$(curl -s -X POST $BATON/dev/token -H 'Content-Type: application/json' -d '{"user":"alice"}' | jq -r .token)
CLAIM=$(curl -s -X POST $API/transfers/$TRANSFER_ID/claim -H "Authorization: Bearer $FRESH" \
  -H "Baton-Device-Token: $PHONE_TOKEN" -H 'Content-Type: application/json' -d "{\"claimCode\":\"$CODE\"}")
echo "claim:"; jq -c '{sessionId, sessionInfo}' <<<"$CLAIM"

# 6. The phone restores the session with the restore token and exactly the information it got.
RESTORED=$(curl -s -X POST $API/sessions/$SESSION_ID/restore -H "Authorization: Bearer $FRESH" \
  -H "Baton-Device-Token: $PHONE_TOKEN" -H 'Content-Type: application/json' \
  -d "$(jq -c '{restoreToken, sessionInfo}' <<<"$CLAIM")")
echo "restored:"; jq -c '{holderDeviceId, state, previousDeviceId, prohibitedUntil}' <<<"$RESTORED"

# 7. The desktop is now kept out of the session, whatever token it shows.
echo "desktop reads the session again:"
curl -s -i $API/sessions/$SESSION_ID -H "$AUTH" -H "Baton-Device-Token: $DESKTOP_TOKEN" \
  -H "Baton-Session-Token: $DESKTOP_SESSION_TOKEN" | grep -E '^HTTP|^Retry-After|^\{'

# 8. The audit trail of the session, newest first.
echo "audit:"
curl -s "$API/audit?session=$SESSION_ID" -H "$AUTH" | jq -r '.items[] | "\(.at)  \(.action)  \(.outcome)  \(.reason // "")"'
