package dk.kfgateway.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one kind of call, thread-safe to record; percentiles by the nearest-rank method. */
public final class Latencies {

  private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

  public void record(long nanos) {
    this.nanos.add(nanos);
  }

  public int count() {
    return nanos.size();
  }

  /** The p-th percentile in milliseconds (p in 0..100); NaN when nothing was recorded. */
  public double percentile(double p) {
    List<Long> sorted;
    synchronized (nanos) {
      sorted = new ArrayList<>(nanos);
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
  }
}
