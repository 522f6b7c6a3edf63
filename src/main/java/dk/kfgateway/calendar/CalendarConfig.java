package dk.kfgateway.calendar;

import dk.kfgateway.GatewayProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's one clock and one working-day calendar; rules get them injected and never read the time themselves. */
@Configuration
public class CalendarConfig {

  @Bean
  public Clock clock() {
    return Clock.system(WorkingDayCalendar.ZONE);
  }

  @Bean
  public WorkingDayCalendar workingDayCalendar(GatewayProperties properties) {
    return new WorkingDayCalendar(DanishHolidays.withOptional(properties.deadlines().nonWorkingDays()));
  }

}
