package com.spurlab.api;

import com.spurlab.core.user.ApiTokenService;
import com.spurlab.core.user.ApiTokenView;
import com.spurlab.core.user.CurrentUser;
import com.spurlab.core.user.IssuedToken;
import com.spurlab.core.user.SpurLabPrincipal;
import com.spurlab.core.user.UserService;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller: who they are, their password, and API tokens for scripts. */
@RestController
class MeApi {

    record Me(String username, String role) {
    }

    /** {@code expiresInDays}: leave out for a token that lasts until revoked. */
    record TokenRequest(String label, Integer expiresInDays) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    private final CurrentUser currentUser;
    private final ApiTokenService tokens;
    private final UserService users;

    MeApi(CurrentUser currentUser, ApiTokenService tokens, UserService users) {
        this.currentUser = currentUser;
        this.tokens = tokens;
        this.users = users;
    }

    @GetMapping("/api/v1/me")
    Me me() {
        SpurLabPrincipal user = currentUser.require();
        return new Me(user.getUsername(), user.role().name());
    }

    /** Issues a token for the caller (signed in with a password, not a token); its value is in this response only. */
    @PostMapping("/api/v1/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken issue(@RequestBody(required = false) TokenRequest body) {
        return body == null ? tokens.issue(null) : tokens.issue(body.label(), body.expiresInDays());
    }

    /** The caller's tokens: label, created, last used (to the minute), expiry; never their values. */
    @GetMapping("/api/v1/me/tokens")
    List<ApiTokenView> tokens() {
        return tokens.mine();
    }

    @DeleteMapping("/api/v1/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }

    /** Changes the caller's password; every session of theirs (this one too) then has to sign in again. */
    @PostMapping("/api/v1/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange body) {
        users.changeOwnPassword(body.currentPassword(), body.newPassword());
    }
}
