package com.spurlab.core.user;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection of password sign-in (form and HTTP Basic alike).
 *
 * @param slowAfter          failed sign-ins of one account before each further try must wait (1 s, 2 s, 4 s …)
 * @param lockAfter          failed sign-ins of one account that lock it for {@code lockFor}
 * @param addressSlowAfter   the same per client address (guesses spread over many accounts)
 * @param addressLockAfter   failures from one address that lock it
 * @param lockFor            how long a lock lasts (admins can lift it earlier)
 * @param forgetAfter        a counter without a new failure for this long starts again from zero
 * @param verifiedFor        how long verified HTTP Basic credentials are trusted without running bcrypt again
 */
@ConfigurationProperties("spurlab.sign-in")
public record SignInSettings(@DefaultValue("3") int slowAfter,
                             @DefaultValue("10") int lockAfter,
                             @DefaultValue("20") int addressSlowAfter,
                             @DefaultValue("100") int addressLockAfter,
                             @DefaultValue("15m") Duration lockFor,
                             @DefaultValue("15m") Duration forgetAfter,
                             @DefaultValue("60s") Duration verifiedFor) {
}
