/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-record-chart.c: the record's charts, the same on screen and on paper
 *
 * Two charts, drawn on any cairo_t at any size: one lab test over time,
 * with the target range the family typed as a band behind it (a band for
 * each result, up to the next one, since a clinic may change it); and the
 * illnesses of each month as bars, with a mark for each infusion under
 * them. Time runs left to right in every language, as on the clinic's own
 * charts. Only what the family typed is drawn: no range is ever assumed.
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "nh-record-chart.h"

#define FONT_SIZE  8.0
#define INK        0.2, 0.2, 0.2
#define GRID       0.85, 0.85, 0.85
#define LINE       0.11, 0.37, 0.65
#define BAND       0.80, 0.92, 0.80
#define BAR        0.85, 0.45, 0.20

static int
day_number (const char *date)
{
  GDate d;

  if (date == NULL || strlen (date) < 10)
    return 0;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, atoi (date + 8), atoi (date + 5), atoi (date));

  return g_date_valid (&d) ? (int)g_date_get_julian (&d) : 0;
}

static gboolean
in_range (const char *date,
          const char *from,
          const char *to)
{
  return (from == NULL || strncmp (date, from, 10) >= 0) && (to == NULL || strncmp (date, to, 10) <= 0);
}

/**
 * nh_record_chart_dup_tests:
 *
 * Returns: (transfer full): the tests with results between @from and @to
 *   (either may be NULL), in the order first seen
 */
GStrv
nh_record_chart_dup_tests (NhRecord   *record,
                           const char *from,
                           const char *to)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = nh_record_get_n_entries (record, NH_RECORD_LAB_RESULTS);

  for (guint i = 0; i < n; i++)
    {
      const NhRecordEntry *entry = nh_record_get_entry (record, NH_RECORD_LAB_RESULTS, i);
      const char *test = nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "test");

      if (in_range (entry->values[0], from, to) && g_hash_table_add (seen, (gpointer)test))
        g_strv_builder_add (builder, test);
    }

  return g_strv_builder_end (builder);
}

static PangoLayout *
make_text (cairo_t    *cr,
           const char *text,
           gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, FONT_SIZE * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* @align: 0 left, 0.5 centre, 1 right of @x */
static void
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      align,
           gboolean    bold)
{
  g_autoptr(PangoLayout) layout = make_text (cr, text, bold);
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  cairo_move_to (cr, x - align * width / PANGO_SCALE, y - (double)height / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_frame (cairo_t *cr,
            double   left,
            double   top,
            double   right,
            double   bottom)
{
  cairo_set_source_rgb (cr, INK);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, bottom);
  cairo_line_to (cr, right, bottom);
  cairo_stroke (cr);
}

static double
nice_step (double rough)
{
  double power = pow (10, floor (log10 (rough)));
  double fraction = rough / power;

  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Up to two decimals, without trailing zeros: "7.5", "10". */
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }

  return g_strdup (buffer);
}

void
nh_record_chart_draw_test (cairo_t    *cr,
                           double      width,
                           double      height,
                           NhRecord   *record,
                           const char *test,
                           const char *from,
                           const char *to,
                           const char *target_label)
{
  guint n = nh_record_get_n_entries (record, NH_RECORD_LAB_RESULTS);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) points = g_ptr_array_new ();
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;
  double left = 44, top = 22, right = width - 12, bottom = height - 22;
  int first_day, last_day;
  const char *unit = "";
  gboolean any_band = FALSE;
  double step;

  for (guint i = 0; i < n; i++)
    {
      const NhRecordEntry *entry = nh_record_get_entry (record, NH_RECORD_LAB_RESULTS, i);
      double value, target;

      if (g_strcmp0 (nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "test"), test) != 0 ||
          !in_range (entry->values[0], from, to) ||
          !nh_record_parse_number (nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "value"), &value))
        continue;

      g_ptr_array_add (points, (gpointer)entry);
      low = MIN (low, value);
      high = MAX (high, value);
      if (nh_record_parse_number (nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "target_low"), &target))
        low = MIN (low, target), high = MAX (high, target);
      if (nh_record_parse_number (nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "target_high"), &target))
        low = MIN (low, target), high = MAX (high, target);
      if (*unit == '\0')
        unit = nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "unit");
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, INK);
  draw_text (cr, unit, 4, 6, 0, FALSE);

  if (points->len == 0 || right - left < 20 || bottom - top < 20)
    {
      draw_frame (cr, left, top, right, bottom);
      cairo_restore (cr);
      return;
    }

  /* Round steps (1, 2 or 5 times a power of ten) around what there is;
   * a single value gets a range around it. */
  if (high - low < 1e-9)
    low -= 1, high += 1;
  step = nice_step ((high - low) / 4);
  low = floor (low / step) * step;
  high = ceil (high / step) * step;

  first_day = from != NULL ? day_number (from) : day_number (((NhRecordEntry *)g_ptr_array_index (points, 0))->values[0]);
  last_day = to != NULL ? day_number (to)
                        : day_number (((NhRecordEntry *)g_ptr_array_index (points, points->len - 1))->values[0]);
  if (last_day <= first_day)
    first_day -= 15, last_day += 15;

#define X(day) (left + ((double)(day) - first_day) / (last_day - first_day) * (right - left))
#define Y(value) (bottom - ((value) - low) / (high - low) * (bottom - top))

  /* The target bands, each from its result to the next. */
  cairo_set_source_rgb (cr, BAND);
  for (guint i = 0; i < points->len; i++)
    {
      const NhRecordEntry *entry = g_ptr_array_index (points, i);
      double band_low, band_high;
      gboolean has_low = nh_record_parse_number (nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "target_low"), &band_low);
      gboolean has_high = nh_record_parse_number (nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "target_high"), &band_high);
      double x0 = i == 0 ? left : X (day_number (entry->values[0]));
      double x1 = i + 1 < points->len ? X (day_number (((NhRecordEntry *)g_ptr_array_index (points, i + 1))->values[0]))
                                      : right;

      if (!has_low && !has_high)
        continue;
      any_band = TRUE;
      cairo_rectangle (cr, x0, has_high ? Y (band_high) : top, x1 - x0,
                       (has_low ? Y (band_low) : bottom) - (has_high ? Y (band_high) : top));
      cairo_fill (cr);
    }

  /* A line across at each step, with its value. */
  cairo_set_line_width (cr, 0.5);
  for (int t = 0; low + t * step <= high + step / 1000 && t <= 20; t++)
    {
      double value = low + t * step;
      g_autofree char *label = format_number (value);

      cairo_set_source_rgb (cr, GRID);
      cairo_move_to (cr, left, Y (value));
      cairo_line_to (cr, right, Y (value));
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, INK);
      draw_text (cr, label, left - 4, Y (value), 1, FALSE);
    }

  draw_frame (cr, left, top, right, bottom);

  /* The first and last dates under the axis. */
  {
    g_autofree char *first = g_strndup (from != NULL ? from : ((NhRecordEntry *)g_ptr_array_index (points, 0))->values[0], 10);
    g_autofree char *last = g_strndup (to != NULL ? to : ((NhRecordEntry *)g_ptr_array_index (points, points->len - 1))->values[0], 10);

    draw_text (cr, first, left, bottom + 10, 0, FALSE);
    draw_text (cr, last, right, bottom + 10, 1, FALSE);
  }

  /* The results, joined. */
  cairo_set_source_rgb (cr, LINE);
  cairo_set_line_width (cr, 1.6);
  for (guint i = 0; i < points->len; i++)
    {
      const NhRecordEntry *entry = g_ptr_array_index (points, i);
      double value;

      nh_record_parse_number (nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "value"), &value);
      if (i == 0)
        cairo_move_to (cr, X (day_number (entry->values[0])), Y (value));
      else
        cairo_line_to (cr, X (day_number (entry->values[0])), Y (value));
    }
  cairo_stroke (cr);
  for (guint i = 0; i < points->len; i++)
    {
      const NhRecordEntry *entry = g_ptr_array_index (points, i);
      double value;

      nh_record_parse_number (nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "value"), &value);
      cairo_arc (cr, X (day_number (entry->values[0])), Y (value), 2.8, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* The key, when there is a band. */
  if (any_band && target_label != NULL && *target_label != '\0')
    {
      g_autoptr(PangoLayout) layout = make_text (cr, target_label, FALSE);
      int text_width, text_height;

      pango_layout_get_size (layout, &text_width, &text_height);
      cairo_set_source_rgb (cr, BAND);
      cairo_rectangle (cr, right - text_width / PANGO_SCALE - 14, 2, 10, 8);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, INK);
      draw_text (cr, target_label, right, 6, 1, FALSE);
    }

#undef X
#undef Y

  cairo_restore (cr);
}

/* Months from @from to @to, both YYYY-MM…, counting both ends. */
guint
nh_record_chart_count_months (const char *from,
                              const char *to)
{
  int months = (atoi (to) - atoi (from)) * 12 + atoi (to + 5) - atoi (from + 5) + 1;

  return MAX (months, 1);
}

static int
month_index (const char *from,
             const char *date)
{
  return (atoi (date) - atoi (from)) * 12 + atoi (date + 5) - atoi (from + 5);
}

/**
 * nh_record_chart_draw_illnesses:
 * @from: (nullable): YYYY-MM-DD; NULL for the first entry's month
 * @to: (nullable): YYYY-MM-DD; NULL for the last entry's month
 *
 * A bar for the illnesses that began in each month, and under the bars a
 * mark for each infusion.
 */
void
nh_record_chart_draw_illnesses (cairo_t    *cr,
                                double      width,
                                double      height,
                                NhRecord   *record,
                                const char *from,
                                const char *to,
                                const char *illnesses_label,
                                const char *infusions_label)
{
  guint n_illnesses = nh_record_get_n_entries (record, NH_RECORD_ILLNESSES);
  guint n_infusions = nh_record_get_n_entries (record, NH_RECORD_INFUSIONS);
  double left = 30, top = 18, right = width - 12, bottom = height - 34;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree guint *counts = NULL;
  guint n_months, max_count = 1, step;
  double slot;

  /* The months shown: the period asked for, else all there is. */
  for (guint t = 0; t < 2; t++)
    {
      NhRecordTable table = t == 0 ? NH_RECORD_ILLNESSES : NH_RECORD_INFUSIONS;
      guint n = nh_record_get_n_entries (record, table);

      for (guint i = 0; i < n; i++)
        {
          const char *date = nh_record_get_entry (record, table, i)->values[0];

          if (!in_range (date, from, to))
            continue;
          if (first == NULL || strncmp (date, first, 10) < 0)
            g_free (first), first = g_strndup (date, 10);
          if (last == NULL || strncmp (date, last, 10) > 0)
            g_free (last), last = g_strndup (date, 10);
        }
    }
  if (from != NULL)
    g_free (first), first = g_strndup (from, 10);
  if (to != NULL)
    g_free (last), last = g_strndup (to, 10);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (first == NULL || last == NULL || strcmp (first, last) > 0 || right - left < 20 || bottom - top < 20)
    {
      draw_frame (cr, left, top, right, bottom);
      cairo_restore (cr);
      return;
    }

  n_months = MIN (nh_record_chart_count_months (first, last), 240);
  counts = g_new0 (guint, n_months);
  for (guint i = 0; i < n_illnesses; i++)
    {
      const char *onset = nh_record_get_entry (record, NH_RECORD_ILLNESSES, i)->values[0];
      int m = month_index (first, onset);

      if (in_range (onset, from, to) && m >= 0 && (guint)m < n_months)
        {
          counts[m]++;
          max_count = MAX (max_count, counts[m]);
        }
    }

  slot = (right - left) / n_months;

  /* Whole numbers up the side. */
  step = max_count <= 5 ? 1 : (max_count + 4) / 5;
  cairo_set_line_width (cr, 0.5);
  for (guint v = 0; v <= max_count; v += step)
    {
      double y = bottom - (double)v / max_count * (bottom - top);
      g_autofree char *label = g_strdup_printf ("%u", v);

      cairo_set_source_rgb (cr, GRID);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, INK);
      draw_text (cr, label, left - 4, y, 1, FALSE);
    }

  cairo_set_source_rgb (cr, BAR);
  for (guint m = 0; m < n_months; m++)
    if (counts[m] > 0)
      {
        double h = (double)counts[m] / max_count * (bottom - top);

        cairo_rectangle (cr, left + m * slot + slot * 0.15, bottom - h, slot * 0.7, h);
        cairo_fill (cr);
      }

  draw_frame (cr, left, top, right, bottom);

  /* The infusions: a mark under the axis at each one's day. */
  cairo_set_source_rgb (cr, LINE);
  for (guint i = 0; i < n_infusions; i++)
    {
      const char *time = nh_record_get_entry (record, NH_RECORD_INFUSIONS, i)->values[0];
      int m = month_index (first, time);
      double x;

      if (!in_range (time, from, to) || m < 0 || (guint)m >= n_months)
        continue;
      x = left + m * slot + slot * (atoi (time + 8) - 0.5) / 31.0;
      cairo_move_to (cr, x, bottom + 2);
      cairo_line_to (cr, x - 2.5, bottom + 8);
      cairo_line_to (cr, x + 2.5, bottom + 8);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  /* Month labels, as many as fit. */
  cairo_set_source_rgb (cr, INK);
  {
    guint every = MAX (1, (guint)ceil (44.0 / slot));

    for (guint m = 0; m < n_months; m += every)
      {
        int year = atoi (first) + (atoi (first + 5) - 1 + m) / 12;
        int month = (atoi (first + 5) - 1 + m) % 12 + 1;
        g_autofree char *label = g_strdup_printf ("%04d-%02d", year, month);

        draw_text (cr, label, left + m * slot + slot / 2, bottom + 17, 0.5, FALSE);
      }
  }

  /* The key. */
  {
    g_autoptr(PangoLayout) a = make_text (cr, illnesses_label != NULL ? illnesses_label : "", FALSE);
    g_autoptr(PangoLayout) b = make_text (cr, infusions_label != NULL ? infusions_label : "", FALSE);
    int wa, wb;
    double x;

    pango_layout_get_size (a, &wa, NULL);
    pango_layout_get_size (b, &wb, NULL);
    x = right - (double)wb / PANGO_SCALE;
    draw_text (cr, infusions_label, x, top - 9, 0, FALSE);
    cairo_set_source_rgb (cr, LINE);
    cairo_move_to (cr, x - 7, top - 12);
    cairo_line_to (cr, x - 9.5, top - 6);
    cairo_line_to (cr, x - 4.5, top - 6);
    cairo_close_path (cr);
    cairo_fill (cr);
    x -= 18 + (double)wa / PANGO_SCALE;
    cairo_set_source_rgb (cr, INK);
    draw_text (cr, illnesses_label, x, top - 9, 0, FALSE);
    cairo_set_source_rgb (cr, BAR);
    cairo_rectangle (cr, x - 12, top - 13, 8, 8);
    cairo_fill (cr);
  }

  cairo_restore (cr);
}
