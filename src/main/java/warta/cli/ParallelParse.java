package warta.cli;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs one task per item on every core and hands the results on in the items' order. */
final class ParallelParse {

  private ParallelParse() {}

  static <T, R> void inOrder(List<T> items, Function<T, R> task, Consumer<R> sink) {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), items.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "parse");
      thread.setDaemon(true);
      return thread;
    });
    try {
      // A bounded window keeps memory flat however many items there are.
      int window = threads * 8;
      ArrayDeque<Future<R>> pending = new ArrayDeque<>();
      for (T item : items) {
        if (pending.size() >= window) {
          sink.accept(pending.removeFirst().get());
        }
        pending.addLast(pool.submit(() -> task.apply(item)));
      }
      while (!pending.isEmpty()) {
        sink.accept(pending.removeFirst().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
