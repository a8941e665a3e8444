package com.spurlab.core.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokens extends JpaRepository<ApiToken, Long> {
    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByIdDesc(long userId);

    long countByUserId(long userId);

    /** Records use at most once a minute per token, so busy scripts do not turn every read into a write. */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id")
    int markUsed(long id, Instant now);
}
