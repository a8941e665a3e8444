package com.spurlab.core.user;

/**
 * Published when a user's password changed or the account was disabled: sessions, cached credentials
 * and the like must stop trusting what they verified before.
 */
public record UserAccessChanged(String username) {
}
