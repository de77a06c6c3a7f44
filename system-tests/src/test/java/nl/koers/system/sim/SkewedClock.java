package nl.koers.system.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A phone's clock: the world's time plus a skew the simulation changes (days off, a jump back). */
final class SkewedClock extends Clock {

    private final Clock world;
    private volatile Duration skew = Duration.ZERO;

    SkewedClock(Clock world) {
        this.world = world;
    }

    void setSkew(Duration skew) {
        this.skew = skew;
    }

    Duration skew() {
        return skew;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return world.instant().plus(skew);
    }
}
