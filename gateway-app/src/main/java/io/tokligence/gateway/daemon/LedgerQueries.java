package io.tokligence.gateway.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.daemon.ApiViews.EntryView;
import io.tokligence.gateway.daemon.ApiViews.SummaryRowView;
import io.tokligence.gateway.daemon.http.ApiException;
import io.tokligence.gateway.daemon.http.HttpCall;
import io.tokligence.gateway.daemon.http.Json;
import io.tokligence.gateway.store.LedgerDates;
import io.tokligence.gateway.store.LedgerQuery;
import io.tokligence.gateway.store.LedgerStore;
import io.tokligence.gateway.store.StoreException;
import io.tokligence.gateway.store.UsageSummaryRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Ledger queries from {@code limit, offset, from, to, user_id, model} query parameters, and their JSON answers. */
public final class LedgerQueries {
    public static final int MAX_LIMIT = 1000;

    private LedgerQueries() {
    }

    /** @param forcedUserId the caller's own id on non-admin routes (ignores {@code user_id}); null on admin routes */
    public static LedgerQuery from(HttpCall call, Long forcedUserId) {
        Instant from;
        Instant to;
        try {
            from = LedgerDates.from(call.query("from").orElse(null), "query parameter from");
            to = LedgerDates.to(call.query("to").orElse(null), "query parameter to");
        } catch (StoreException e) {
            throw ApiException.badRequest("invalid_parameter", e.getMessage());
        }
        Long userId = forcedUserId;
        if (userId == null) {
            Optional<String> raw = call.query("user_id");
            if (raw.isPresent()) {
                try {
                    userId = Long.parseLong(raw.get().trim());
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("invalid_parameter", "query parameter user_id must be a number, got '" + raw.get() + "'");
                }
            }
        }
        String model = call.query("model").map(String::trim).orElse(null);
        int limit = call.queryInt("limit", 50, 1, MAX_LIMIT);
        int offset = call.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        return new LedgerQuery(from, to, userId, model, limit, offset);
    }

    /** {@code {"entries":[...],"total":N}}: one page of entries and how many match in all. */
    public static ObjectNode entriesBody(LedgerStore ledger, LedgerQuery query) {
        ObjectNode body = Json.object();
        body.set("entries", Json.MAPPER.valueToTree(ledger.entries(query).stream().map(EntryView::of).toList()));
        body.put("total", ledger.count(query));
        return body;
    }

    /** {@code {"rows":[...]}} per user and model, plus the totals over all rows. */
    public static ObjectNode summaryBody(LedgerStore ledger, LedgerQuery query) {
        List<UsageSummaryRow> rows = ledger.summary(query);
        ObjectNode body = Json.object();
        body.set("rows", Json.MAPPER.valueToTree(rows.stream().map(SummaryRowView::of).toList()));
        body.put("requests", rows.stream().mapToLong(UsageSummaryRow::requests).sum());
        body.put("prompt_tokens", rows.stream().mapToLong(UsageSummaryRow::promptTokens).sum());
        body.put("completion_tokens", rows.stream().mapToLong(UsageSummaryRow::completionTokens).sum());
        body.put("cost", rows.stream().map(UsageSummaryRow::cost).map(ApiViews::money).reduce(ApiViews.money(BigDecimal.ZERO), BigDecimal::add));
        return body;
    }
}
