package com.spurlab.api;

import com.spurlab.core.user.ApiTokenService;
import com.spurlab.core.user.CurrentUser;
import com.spurlab.core.user.SpurLabPrincipal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller: who they are, and API tokens for scripts. */
@RestController
class MeApi {

    record Me(String username, String role) {
    }

    record TokenRequest(String label) {
    }

    private final CurrentUser currentUser;
    private final ApiTokenService tokens;

    MeApi(CurrentUser currentUser, ApiTokenService tokens) {
        this.currentUser = currentUser;
        this.tokens = tokens;
    }

    @GetMapping("/api/v1/me")
    Me me() {
        SpurLabPrincipal user = currentUser.require();
        return new Me(user.getUsername(), user.role().name());
    }

    /** Issues a token for the caller; its value is in this response only. */
    @PostMapping("/api/v1/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> issue(@RequestBody(required = false) TokenRequest body) {
        return Map.of("token", tokens.issue(body == null ? null : body.label()));
    }
}
