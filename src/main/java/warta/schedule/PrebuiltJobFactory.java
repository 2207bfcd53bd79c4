package warta.schedule;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Hands Quartz the job objects App built, instead of letting it construct them by reflection. */
public final class PrebuiltJobFactory implements JobFactory {

  private final Map<Class<? extends Job>, Job> jobs;

  public PrebuiltJobFactory(Job... jobs) {
    this.jobs = Stream.of(jobs).collect(Collectors.toUnmodifiableMap(Job::getClass, Function.identity()));
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Job job = jobs.get(bundle.getJobDetail().getJobClass());
    if (job == null) {
      throw new SchedulerException("no prebuilt job of " + bundle.getJobDetail().getJobClass().getName());
    }
    return job;
  }
}
