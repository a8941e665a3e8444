package com.spurlab.api;

/** Every API error: a stable code and a message that says what to fix. */
record ApiError(String error, String message) {
}
