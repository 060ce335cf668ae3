/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-date-words.c: dates on screen that nobody misreads
 *
 * "12/02/26" is 12 February to a European and 2 December to an American.
 * On screen, as on paper (nh_edition_format_date()), the month is a word:
 * "12 Feb 2026, 02:10"; and "today" or "yesterday" where that is what a
 * tired parent needs to read. Times are local, on a 24-hour clock.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nh-date-words.h"

/* The same words as on printouts (nh-edition.c), context "month". */
static const char *month_names[] = {
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"),
  NC_("month", "Apr"), NC_("month", "May"), NC_("month", "Jun"),
  NC_("month", "Jul"), NC_("month", "Aug"), NC_("month", "Sep"),
  NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

/* Returns: the time of day, "02:10" */
char *
nh_date_words_clock (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);

  return g_strdup_printf ("%02d:%02d", g_date_time_get_hour (local), g_date_time_get_minute (local));
}

static int
days_between (GDateTime *earlier,
              GDateTime *later)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, g_date_time_get_day_of_month (earlier), g_date_time_get_month (earlier),
                  g_date_time_get_year (earlier));
  g_date_set_dmy (&b, g_date_time_get_day_of_month (later), g_date_time_get_month (later),
                  g_date_time_get_year (later));

  return g_date_days_between (&a, &b);
}

/**
 * nh_date_words_format:
 * @time: the moment
 * @now: (nullable): the time it is now; NULL for the real now
 * @with_time: also the hour and minute
 *
 * "today, 02:10", "yesterday, 23:50", "12 Feb 2026, 02:10", lower case, to
 * go inside a sentence ("Episode started today, 02:10").
 *
 * Returns: (transfer full): the date in words
 */
char *
nh_date_words_format (GDateTime *time,
                      GDateTime *now,
                      gboolean   with_time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;
  int days;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  local_now = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  days = days_between (local, local_now);

  if (days == 0)
    /* Translators: a date on screen, inside a sentence */
    date = g_strdup (C_("date", "today"));
  else if (days == 1)
    /* Translators: a date on screen, inside a sentence */
    date = g_strdup (C_("date", "yesterday"));
  else
    /* Translators: a date on printouts and on screen: %1$d is the day,
     * %2$s the month (context "month"), %3$d the year */
    date = g_strdup_printf (_("%1$d %2$s %3$d"),
                            g_date_time_get_day_of_month (local),
                            g_dpgettext2 (GETTEXT_PACKAGE, "month",
                                          month_names[g_date_time_get_month (local) - 1]),
                            g_date_time_get_year (local));

  if (!with_time)
    return g_steal_pointer (&date);

  clock = nh_date_words_clock (time);

  /* Translators: a date and a time on screen: "today, 02:10", "12 Feb 2026, 02:10" */
  return g_strdup_printf (C_("date", "%1$s, %2$s"), date, clock);
}

/**
 * nh_date_words_title:
 *
 * nh_date_words_format() with its time, to stand alone, as a title:
 * "Today, 02:10".
 *
 * Returns: (transfer full): the date in words
 */
char *
nh_date_words_title (GDateTime *time)
{
  g_autofree char *words = NULL;
  char first[8] = { 0 };

  g_return_val_if_fail (time != NULL, NULL);

  words = nh_date_words_format (time, NULL, TRUE);
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (words)), first);

  return g_strconcat (first, g_utf8_next_char (words), NULL);
}
