package nl.koers.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.koers.model.codes.DropoutReason;
import nl.koers.model.codes.OtherOutflow;
import nl.koers.model.codes.Outflow;
import nl.koers.model.codes.Phase;
import nl.koers.model.codes.ReferralSource;

/**
 * <i>Traject</i>: one participant in one project, from referral (<i>aanmelding</i>) to exactly one
 * outflow (<i>uitstroom</i>); {@code in_traject} until it ends.
 */
public record Trajectory(
        UUID projectId,
        ReferralSource referralSource,
        LocalDate referralDate,
        LocalDate intakeDate,
        LocalDate endDate,
        Phase phase,
        String goals,
        List<UUID> coachIds,
        UUID primaryCoachId,
        LocalDate municipalityApprovalDate,
        Outflow outflow,
        LocalDate outflowDate,
        DropoutReason dropoutReason,
        String dropoutNote,
        OtherOutflow otherOutflow) {

    public Trajectory {
        coachIds = coachIds == null ? List.of() : List.copyOf(coachIds);
        outflow = outflow == null ? Outflow.IN_TRAJECT : outflow;
    }
}
