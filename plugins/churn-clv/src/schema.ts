// The churn & CLV plugin's input and response shapes, shared with the dashboard (zod only).
export {}
