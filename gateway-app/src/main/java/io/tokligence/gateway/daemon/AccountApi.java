package io.tokligence.gateway.daemon;

import io.tokligence.gateway.daemon.ApiViews.ProfileView;
import io.tokligence.gateway.daemon.http.HttpCall;
import io.tokligence.gateway.daemon.http.Router;
import io.tokligence.gateway.store.LedgerStore;
import io.tokligence.gateway.store.Principal;
import java.io.IOException;

/** What any signed-in user may see about themselves: profile, usage summary, recent requests. */
final class AccountApi {
    private final Authenticator auth;
    private final LedgerStore ledger;

    AccountApi(Authenticator auth, LedgerStore ledger) {
        this.auth = auth;
        this.ledger = ledger;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/profile", this::profile);
        router.add("GET", "/api/v1/usage/summary", this::summary);
        router.add("GET", "/api/v1/usage/logs", this::logs);
    }

    private void profile(HttpCall call) throws IOException {
        Principal principal = auth.authenticate(call);
        call.sendJson(200, ProfileView.of(principal.user()));
    }

    private void summary(HttpCall call) throws IOException {
        Principal principal = auth.authenticate(call);
        call.sendJson(200, LedgerQueries.summaryBody(ledger, LedgerQueries.from(call, principal.user().id())));
    }

    private void logs(HttpCall call) throws IOException {
        Principal principal = auth.authenticate(call);
        call.sendJson(200, LedgerQueries.entriesBody(ledger, LedgerQueries.from(call, principal.user().id())));
    }
}
