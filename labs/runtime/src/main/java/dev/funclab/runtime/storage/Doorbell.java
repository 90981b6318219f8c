package dev.funclab.runtime.storage;

/** Lets a polling loop sleep until its next poll, or until someone rings because there is work now. */
public final class Doorbell {

    private boolean rung;

    public synchronized void ring() {
        rung = true;
        notifyAll();
    }

    /** Sleeps up to {@code millis}, less if rung (now or since the last wait). */
    public synchronized void await(long millis) throws InterruptedException {
        if (!rung) {
            wait(Math.max(1, millis));
        }
        rung = false;
    }
}
