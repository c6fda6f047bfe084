-- wrk script: POST one evaluation request (bench/one-patient.json) on every call.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = io.open("bench/one-patient.json", "r")
wrk.body = file:read("*a")
file:close()
