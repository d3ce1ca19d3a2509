package ai.dfc.labeling.pipeline;

import ai.dfc.labeling.http.CountsRequests;
import ai.dfc.labeling.http.RequestCounts;
import ai.dfc.api.grounder.Grounder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tallies of one labeling run and the serialized delivery of progress snapshots. Counters are atomic; snapshots are
 * built and delivered under this object's lock, so listeners are never called concurrently.
 */
final class RunCounters {
    private final Grounder grounder;
    private final LabelingProgress.Listener listener;
    private final AtomicLong viewsDone = new AtomicLong();
    private final AtomicLong viewsDropped = new AtomicLong();
    private final AtomicLong questions = new AtomicLong();
    private final AtomicLong noBox = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong labels = new AtomicLong();
    private int assetsDone;
    private int assetsTotal;

    RunCounters(Grounder grounder, LabelingProgress.Listener listener) {
        this.grounder = grounder;
        this.listener = listener;
    }

    synchronized void assets(int total) {
        assetsTotal = total;
    }

    synchronized void assetDone() {
        assetsDone++;
    }

    /** Tallies one finished grounding task. */
    void collected(BoxCollector.Collected c) {
        viewsDone.incrementAndGet();
        if (!c.complete()) {
            viewsDropped.incrementAndGet();
        }
        questions.addAndGet(c.attempts());
        noBox.addAndGet(c.noBox());
        malformed.addAndGet(c.malformed());
    }

    void labelWritten() {
        labels.incrementAndGet();
    }

    /** Questions asked so far in this run. */
    long questions() {
        return questions.get();
    }

    /** Builds a snapshot and hands it to the listener. */
    synchronized LabelingProgress report(LabelingProgress.Stage stage, String asset) {
        LabelingProgress s = snapshot(stage, asset);
        listener.progress(s);
        return s;
    }

    synchronized LabelingProgress snapshot(LabelingProgress.Stage stage, String asset) {
        long requests = questions.get();
        long hits = 0;
        long failures = malformed.get();
        if (grounder instanceof CountsRequests c) {
            RequestCounts counts = c.requestCounts();
            requests = counts.requests();
            hits = counts.cacheHits();
            failures = counts.failures() + counts.malformed();
        }
        return new LabelingProgress(stage, asset, assetsDone, assetsTotal, viewsDone.get(), viewsDropped.get(),
                questions.get(), noBox.get(), malformed.get(), requests, hits, failures, labels.get());
    }
}
