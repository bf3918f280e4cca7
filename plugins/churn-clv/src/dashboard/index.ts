// The churn & CLV plugin's dashboard elements are registered here (browser only).
export {}
