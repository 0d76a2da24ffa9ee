package eu.authorityhub.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each step writes the request's row once: the version check and the step's changes (state, timeline length, times)
 * go out in one update, so that PostgreSQL rewrites the row (and runs the indicator triggers) once per step; a new
 * request is written by its insert alone. Counted on the real database by a trigger that each test adds for its own
 * duration.
 */
@QuarkusTest
class RequestRowWritesTest {

    @Inject
    DataSource db;

    @Test
    void createSendAcceptAndAnswerEachWriteTheRequestRowOnce() throws SQLException {
        RequestFixtures f = new RequestFixtures();
        String id = counted(() -> {
            String created = f.sent("PQ-G-PER-01");
            String path = "/api/v1/requests/" + created;
            f.as(f.responder).contentType("application/json").body("{}").post(path + "/accept").then().statusCode(200);
            f.as(f.responder).contentType("application/json")
                    .body("{\"answers\":[{\"position\":1,\"value\":true},{\"position\":2,\"value\":\"none\"}]}")
                    .post(path + "/answer").then().statusCode(200);
            return created;
        });
        // create, send, accept, answer: four transactions, one write of the row each
        assertThat(writes.get(id)).containsExactly("INSERT", "UPDATE", "UPDATE", "UPDATE");
        assertThat(timeline(f, id)).containsExactly(1, 2, 3, 4);
        // the timers each step moved (one change per step): acceptance and inactivity started at sending, acceptance
        // ended and the answer started at acceptance, the answer ended at answering; inactivity restarted each time
        // and now owed by the requester
        assertThat(timers(f, id)).containsExactly("ACCEPTANCE CANCELLED " + f.responder,
                "INACTIVITY CANCELLED " + f.responder, "ANSWER CANCELLED " + f.responder,
                "INACTIVITY CANCELLED " + f.responder, "INACTIVITY PENDING " + f.requester);
    }

    private static List<String> timers(RequestFixtures f, String id) {
        List<Map<String, Object>> all = f.as(f.requester).get("/api/v1/requests/" + id + "/deadlines").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return all.stream().map(t -> t.get("kind") + " " + t.get("state") + " " + t.get("party")).toList();
    }

    @Test
    void aRequestCreatedAndSentInBulkIsWrittenByItsInsertAloneAndNumbersItsTimelineFromOne() throws SQLException {
        RequestFixtures f = new RequestFixtures();
        String request = RequestFixtures.requestJson(f.responder, "NURSE", LocalDate.now().plusDays(20),
                "PQ-G-PER-01");
        String id = counted(() -> f.as(f.requester).contentType("application/json")
                .body("{\"items\":[{\"idempotencyKey\":\"rw-1\",\"send\":true,\"request\":" + request + "}]}")
                .post("/api/v1/requests/bulk").then().statusCode(200).extract().path("items[0].id"));
        assertThat(writes.get(id)).containsExactly("INSERT");
        assertThat(timeline(f, id)).containsExactly(1, 2);
        f.as(f.requester).get("/api/v1/requests/" + id).then().statusCode(200).body("state", equalTo("SENT"));
    }

    private final Map<String, List<String>> writes = new HashMap<>();

    /**
     * Runs {@code steps} (which return a request id) with a trigger that records every write of a request row and
     * the transaction it belongs to; fills {@link #writes} with the request's writes, one entry per transaction.
     */
    private String counted(Supplier<String> steps) throws SQLException {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String table = "test_row_writes_" + suffix;
        String trigger = "test_row_writes_" + suffix;
        execute("create table " + table + " (request_id uuid, tx bigint, op text)",
                "create function " + trigger + "() returns trigger language plpgsql as $$ begin insert into " + table
                        + " values (new.id, txid_current(), tg_op); return null; end $$",
                "create trigger " + trigger + " after insert or update on information_request for each row execute"
                        + " function " + trigger + "()");
        try {
            String id = steps.get();
            List<String> ops = new ArrayList<>();
            try (Connection c = db.getConnection();
                    PreparedStatement q = c.prepareStatement("select string_agg(op, ',' order by op) from " + table
                            + " where request_id = ? group by tx order by min(ctid)")) {
                q.setObject(1, UUID.fromString(id));
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        ops.add(r.getString(1));
                    }
                }
            }
            writes.put(id, ops);
            return id;
        } finally {
            execute("drop trigger " + trigger + " on information_request", "drop function " + trigger + "()",
                    "drop table " + table);
        }
    }

    private static List<Integer> timeline(RequestFixtures f, String id) {
        return f.as(f.requester).get("/api/v1/requests/" + id + "/timeline").then().statusCode(200).extract()
                .jsonPath().getList("seq", Integer.class);
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
