package nl.koers.server.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.model.codes.ConsentPurpose;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.auth.Role;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Json;
import org.junit.jupiter.api.Test;

/**
 * Durability with numbers a person can check by hand. Reference date 2022-03-31; six participants
 * flowed out to paid work in a finished project; their aftercare check-ins (date: still working?):
 * <pre>
 * P1 out 2021-01-01: 02-01 ja, 04-01 ja, 07-01 ja, 2022-01-01 ja   in work 365 of 365 days = 100%
 * P2 out 2021-01-01: 02-01 ja (31), 04-01 nee (59), 07-01 ja (91), 2022-01-01 ja (184)
 *                                                                    in work 306 of 365 = 83.8%
 * P3 out 2021-10-01: 11-01 ja (31), 2022-01-01 nee (61)           in work 31 of 92 = 33.7%
 * P4 out 2021-12-01: 2022-01-01 nee (31)                           in work 0 of 31 = 0%
 * P5 out 2020-06-01: 07-01 ja (30), 09-01 ja (62), 12-01 onbekend (observes nothing),
 *                    2021-06-01 ja (273), 2022-06-01 nee (after the reference date: ignored)
 *                                                                    in work 365 of 365 = 100%
 * P6 out 2021-05-01: no check-in done                              not observed
 * </pre>
 * "Worked at least one month" (days in work at least the first month after outflow): P1, P2, P3,
 * P5 (P4 never worked a month). Mean (1 + 306/365 + 31/92 + 1) / 4 = 79.4%; time-weighted
 * (365 + 306 + 31 + 365) / (365 + 365 + 92 + 365) = 1067 / 1187 = 89.9%; 100%: 2 of 4 = 50.0%;
 * at least 90%: 2 of 4 = 50.0%.
 * <br>"Out at least twelve months" (outflow on or before 2021-03-31): P1, P2, P5. Mean
 * (1 + 306/365 + 1) / 3 = 94.6%; weighted 1036 / 1095 = 94.6%; 100%: 2 of 3 = 66.7%; at least
 * 90%: 66.7%.
 */
class DurabilityReportTest {

    private static final LocalDate AS_OF = LocalDate.of(2022, 3, 31);

    @Test
    void bothDurabilityDefinitions_matchTheHandComputation() {
        try (MemoryBackedDir dir = new MemoryBackedDir(); SyncWorld world = new SyncWorld(DatabaseSettings.sqlite(dir.path))) {
            UUID project = world.admin.createProject(new AdminService.NewProject(world.organisation, "Duurzaam Werk",
                    "Werkfit", List.of("Utrecht"), LocalDate.of(2020, 1, 1), LocalDate.of(2022, 1, 31),
                    List.of(1, 3, 6, 12), 30)).id();
            SyncWorld.Phone jobcoach = world.user("Jobcoach Duurzaam", Role.JOBCOACH, project);
            FixtureDevices devices = new FixtureDevices();
            worker(world, devices, jobcoach, project, "2021-01-01",
                    "2021-02-01:ja", "2021-04-01:ja", "2021-07-01:ja", "2022-01-01:ja");
            worker(world, devices, jobcoach, project, "2021-01-01",
                    "2021-02-01:ja", "2021-04-01:nee", "2021-07-01:ja", "2022-01-01:ja");
            worker(world, devices, jobcoach, project, "2021-10-01", "2021-11-01:ja", "2022-01-01:nee");
            worker(world, devices, jobcoach, project, "2021-12-01", "2022-01-01:nee");
            worker(world, devices, jobcoach, project, "2020-06-01",
                    "2020-07-01:ja", "2020-09-01:ja", "2020-12-01:onbekend", "2021-06-01:ja", "2022-06-01:nee");
            worker(world, devices, jobcoach, project, "2021-05-01");
            devices.pushAll();

            Report report = new ReportEngine(world.store).run(ReportRequest.internal(AS_OF, ConsentPurpose.RAPPORTAGE_FINANCIER));

            Report.Table month = report.table("durability_worked_month");
            assertEquals("4", month.n());
            assertMeasure(month, "mean", "79,4%");
            assertMeasure(month, "weighted", "89,9%");
            assertMeasure(month, "always", "50,0%");
            assertMeasure(month, "ninety", "50,0%");
            Report.Table year = report.table("durability_out_year");
            assertEquals("3", year.n());
            assertMeasure(year, "mean", "94,6%");
            assertMeasure(year, "weighted", "94,6%");
            assertMeasure(year, "always", "66,7%");
            assertMeasure(year, "ninety", "66,7%");
        }
    }

    private static void assertMeasure(Report.Table table, String key, String expected) {
        assertEquals(expected, table.row(key).cell(0).text(), table.id() + " " + key);
    }

    /** A participant out to paid work on {@code outflow}, with check-ins "date:stillActive". */
    private static void worker(SyncWorld world, FixtureDevices devices, SyncWorld.Phone phone, UUID project,
                               String outflow, String... checkIns) {
        UUID participant = world.newId();
        UUID trajectory = world.newId();
        UUID placement = world.newId();
        String coach = phone.identity.userId().toString();
        ObjectNode person = MinimalRecords.of(RecordType.PARTICIPANT);
        person.putArray("consents").addObject().put("purpose", "rapportage_financier").put("given", true)
                .put("date", "2020-01-15").put("recordedBy", coach);
        devices.create(phone, RecordType.PARTICIPANT, participant, participant, person);
        devices.create(phone, RecordType.TRAJECTORY, trajectory, participant, Json.object()
                .put("projectId", project.toString()).put("referralSource", "gemeente").put("phase", "nazorg")
                .put("intakeDate", "2020-02-01").put("outflow", "betaald_werk").put("outflowDate", outflow));
        devices.create(phone, RecordType.PLACEMENT, placement, participant, Json.object()
                .put("trajectoryId", trajectory.toString()).put("placementType", "betaalde_baan").put("status", "actief")
                .put("startDate", outflow).put("contract", "vast").put("hoursPerWeek", 32));
        for (String checkIn : checkIns) {
            String[] parts = checkIn.split(":");
            devices.create(phone, RecordType.AFTERCARE_CHECK_IN, world.newId(), participant, Json.object()
                    .put("trajectoryId", trajectory.toString()).put("placementId", placement.toString())
                    .put("dueDate", parts[0]).put("doneAt", parts[0] + "T10:00:00Z").put("with", "beide")
                    .put("stillActive", parts[1]));
        }
    }
}
