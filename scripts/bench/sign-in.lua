-- wrk script: one demo user signing in again and again (form POST).
wrk.method = "POST"
wrk.body = "email=assembler%40torvan.test&password=torvan-demo-2026"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
