package eu.authorityhub.directory.demo;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import eu.authorityhub.directory.AlertParticipation;
import eu.authorityhub.directory.Authority;
import eu.authorityhub.directory.AuthorityPayloads.Contact;
import eu.authorityhub.directory.AuthorityPayloads.CreateRequest;
import eu.authorityhub.directory.AuthorityService;
import eu.authorityhub.directory.Coordinator;
import eu.authorityhub.directory.ReferenceDataService;
import eu.authorityhub.directory.ReferencePayloads.CoordinatorRequest;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Demo directory for the embedded default (dev mode only, never in production migrations): authorities of eight member
 * states and their coordinators, loaded through the services so their events flow like any other. Loaded once; a
 * restart finds them and does nothing. The demo users of application.properties act for these authorities.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    private static final List<String> HEALTH = List.of("DOCTOR", "SPECIALIST_DOCTOR", "NURSE", "DENTIST", "MIDWIFE",
            "PHARMACIST", "PHYSIOTHERAPIST", "PSYCHOTHERAPIST");
    private static final AlertParticipation BOTH = AlertParticipation.SEND_AND_RECEIVE;

    private final AuthorityService authorities;
    private final ReferenceDataService reference;
    private final DemoHistory history;

    public DemoDataLoader(AuthorityService authorities, ReferenceDataService reference, DemoHistory history) {
        this.authorities = authorities;
        this.reference = reference;
        this.history = history;
    }

    void load(@Observes StartupEvent event) {
        if (Authority.findByCode("NL-BIG") != null) {
            return;
        }
        demoAuthorities().forEach(authorities::create);
        demoCoordinators().forEach(reference::createCoordinator);
        LOG.infof("Demo directory loaded: %d authorities, %d coordinators", demoAuthorities().size(),
                demoCoordinators().size());
        LOG.infof("Demo history loaded: %d requests over the last 12 months", history.load());
    }

    static List<CreateRequest> demoAuthorities() {
        return List.of(
                authority("NL-BIG", "NL", "BIG-register", Map.of("en", "BIG Register of healthcare professionals"),
                        List.of("nl", "en"), HEALTH, BOTH, "imi@bigregister.nl", "https://www.bigregister.nl"),
                authority("NL-DUO", "NL", "Dienst Uitvoering Onderwijs", Map.of("en", "Education Executive Agency"),
                        List.of("nl", "en"), List.of("PRIMARY_TEACHER", "SECONDARY_TEACHER",
                                "EARLY_CHILDHOOD_EDUCATOR"),
                        BOTH, "imi@duo.nl", "https://www.duo.nl"),
                authority("NL-ARCH", "NL", "Bureau Architectenregister", Map.of("en", "Architects Register"),
                        List.of("nl", "en"), List.of("ARCHITECT"), AlertParticipation.NONE,
                        "info@architectenregister.nl", "https://www.architectenregister.nl"),
                authority("FR-CNOM", "FR", "Conseil national de l'Ordre des médecins",
                        Map.of("en", "National Council of the Medical Association"), List.of("fr", "en"),
                        List.of("DOCTOR", "SPECIALIST_DOCTOR"), BOTH, "imi@cn.medecin.fr",
                        "https://www.conseil-national.medecin.fr"),
                authority("FR-ONI", "FR", "Ordre national des infirmiers", Map.of("en", "National Order of Nurses"),
                        List.of("fr"), List.of("NURSE"), BOTH, "imi@ordre-infirmiers.fr",
                        "https://www.ordre-infirmiers.fr"),
                authority("DE-BAEK", "DE", "Bayerische Landesärztekammer", Map.of("en", "Bavarian Medical Association"),
                        List.of("de", "en"), List.of("DOCTOR", "SPECIALIST_DOCTOR"), BOTH, "imi@blaek.de",
                        "https://www.blaek.de"),
                authority("DE-LAGESO", "DE", "Landesamt für Gesundheit und Soziales Berlin",
                        Map.of("en", "Berlin State Office for Health and Social Affairs"), List.of("de"),
                        List.of("NURSE", "MIDWIFE", "PHYSIOTHERAPIST", "PHARMACIST"), BOTH, "imi@lageso.berlin.de",
                        "https://www.berlin.de/lageso"),
                authority("BE-SPF", "BE", "SPF Santé publique / FOD Volksgezondheid",
                        Map.of("en", "FPS Public Health", "nl", "FOD Volksgezondheid", "fr", "SPF Santé publique"),
                        List.of("fr", "nl", "de"), HEALTH, BOTH, "imi@health.fgov.be", "https://www.health.belgium.be"),
                authority("PL-NIL", "PL", "Naczelna Izba Lekarska", Map.of("en", "Supreme Medical Chamber"),
                        List.of("pl", "en"), List.of("DOCTOR", "SPECIALIST_DOCTOR", "DENTIST"), BOTH,
                        "imi@hipokrates.org",
                        "https://nil.org.pl"),
                authority("PL-NIPIP", "PL", "Naczelna Izba Pielęgniarek i Położnych",
                        Map.of("en", "Supreme Chamber of Nurses and Midwives"), List.of("pl"),
                        List.of("NURSE", "MIDWIFE"),
                        BOTH, "imi@nipip.pl", "https://nipip.pl"),
                authority("IE-NMBI", "IE", "Nursing and Midwifery Board of Ireland",
                        Map.of("ga", "Bord Altranais agus Cnáimhseachais na hÉireann"),
                        List.of("en"), List.of("NURSE", "MIDWIFE"), BOTH, "imi@nmbi.ie", "https://www.nmbi.ie"),
                authority("IE-MC", "IE", "Medical Council", Map.of("ga", "Comhairle na nDochtúirí Leighis"),
                        List.of("en"), List.of("DOCTOR", "SPECIALIST_DOCTOR"), BOTH, "imi@mcirl.ie",
                        "https://www.medicalcouncil.ie"),
                authority("SE-SOS", "SE", "Socialstyrelsen", Map.of("en", "National Board of Health and Welfare"),
                        List.of("sv", "en"), HEALTH, BOTH, "imi@socialstyrelsen.se", "https://www.socialstyrelsen.se"),
                authority("NO-HDIR", "NO", "Helsedirektoratet", Map.of("en", "Norwegian Directorate of Health"),
                        List.of("no", "en"), HEALTH, BOTH, "imi@helsedir.no", "https://www.helsedirektoratet.no"));
    }

    static List<CoordinatorRequest> demoCoordinators() {
        return List.of(
                new CoordinatorRequest("NL-NC", Coordinator.Kind.NATIONAL, "NL", null,
                        "IMI national coordinator Netherlands", "imi-nc@minbzk.nl"),
                new CoordinatorRequest("NL-PQC", Coordinator.Kind.POLICY_AREA, "NL", "PQ",
                        "Professional qualifications coordinator Netherlands", "pq@minocw.nl"),
                new CoordinatorRequest("NL-ALERT", Coordinator.Kind.ALERT_INCOMING, "NL", null,
                        "Incoming alert coordinator Netherlands", "alerts@bigregister.nl"),
                new CoordinatorRequest("FR-NC", Coordinator.Kind.NATIONAL, "FR", null,
                        "Coordinateur national IMI France", "imi@sgae.gouv.fr"),
                new CoordinatorRequest("DE-NC", Coordinator.Kind.NATIONAL, "DE", null, "IMI-Koordinator Deutschland",
                        "imi@bmwk.bund.de"),
                new CoordinatorRequest("DE-ALERT", Coordinator.Kind.ALERT_INCOMING, "DE", null,
                        "Vorwarnmechanismus-Koordinator Deutschland", "alerts@bva.bund.de"),
                new CoordinatorRequest("PL-NC", Coordinator.Kind.NATIONAL, "PL", null, "Koordynator krajowy IMI",
                        "imi@mrit.gov.pl"));
    }

    private static CreateRequest authority(String code, String state, String name, Map<String, String> names,
            List<String> languages, List<String> professions, AlertParticipation alerts, String email, String web) {
        return new CreateRequest(code, state, name, alerts, names, languages, professions, List.of("PQ"),
                new Contact(email, null, web));
    }
}
