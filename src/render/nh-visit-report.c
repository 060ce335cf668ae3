/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-visit-report.c: the record, for the immunologist: summary, charts, tables
 *
 * What a family takes to the clinic: a summary page (the child, the
 * diagnosis, the immunoglobulin and preventive antibiotics now, what
 * happened in the period), the charts (illnesses per month with the
 * infusions marked; each lab test with its target band), then the
 * infusions, illnesses, antibiotics and lab results of the period as
 * tables, in the printout language, each page with the edition's stamp.
 *
 * Laid out once per paper: count the pages, then draw page N of M on any
 * cairo_t (a PDF here; a print dialog or a shared printout interface can
 * call the same two functions).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "nh-pdf.h"
#include "nh-record-chart.h"
#include "nh-render-text.h"
#include "nh-visit-report.h"

#define T(msgid) nh_edition_gettext (self->edition, msgid)

#define CHART_HEIGHT 170.0
#define MAX_CELLS    6

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_CHART_ILLNESSES,
  BLOCK_CHART_TEST,
  BLOCK_TABLE_HEAD,
  BLOCK_TABLE_ROW,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind     kind;
  char         *text;
  char         *cells[MAX_CELLS];
  const double *widths;     /* of the table's columns, summing to 1 */
  guint         n_cells;
  guint         head;       /* a row's table head, to repeat on a new page */
  double        height;
  guint         page;
  double        y;
} Block;

struct _NhVisitReport
{
  NhRecord     *record;
  NhCard       *card;
  NhEdition    *edition;
  char         *from;
  char         *to;
  GArray       *blocks;
  GArray       *page_heads;   /* guint per page: the head to repeat, or G_MAXUINT */
  PangoContext *context;
  double        width, height;
  double        margin, body;
  guint         n_pages;
};

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->text, g_free);
  for (guint i = 0; i < MAX_CELLS; i++)
    g_clear_pointer (&block->cells[i], g_free);
}

static void
add_block (NhVisitReport *self,
           BlockKind      kind,
           const char    *text)
{
  Block block = { kind, g_strdup (text) };

  g_array_append_val (self->blocks, block);
}

static guint
add_row (NhVisitReport       *self,
         BlockKind            kind,
         const double        *widths,
         guint                head,
         const char * const  *cells,
         guint                n_cells)
{
  Block block = { kind, NULL };

  block.widths = widths;
  block.n_cells = n_cells;
  block.head = head;
  /* Typed text in its own direction: "10^9/L" stays whole on a right-to-left page. */
  for (guint i = 0; i < n_cells; i++)
    block.cells[i] = kind == BLOCK_TABLE_ROW && *cells[i] != '\0' ? g_strconcat ("\u2068", cells[i], "\u2069", NULL)
                                                                 : g_strdup (cells[i]);
  g_array_append_val (self->blocks, block);

  return self->blocks->len - 1;
}

static gboolean
in_period (NhVisitReport *self,
           const char    *date)
{
  return strncmp (date, self->from, 10) >= 0 && strncmp (date, self->to, 10) <= 0;
}

/* Dates and numbers run left to right in every language. */
static char *
ltr (const char *text)
{
  return *text != '\0' ? g_strconcat ("\u2066", text, "\u2069", NULL) : g_strdup ("");
}

static char *
amount (const char *value,
        const char *unit)
{
  g_autofree char *number = ltr (value);

  if (*value == '\0')
    return g_strdup ("");
  if (*unit == '\0')
    return g_steal_pointer (&number);

  return g_strdup_printf ("%s \u2068%s\u2069", number, unit);
}

static const char *
get (const NhRecordEntry *entry,
     NhRecordTable        table,
     const char          *column)
{
  return nh_record_entry_get (entry, table, column);
}

/* The label of a stored choice in the printout's language; "" for none
 * (an empty msgid would give the catalogue's header). */
static const char *
choice_text (NhVisitReport *self,
             const char    *value)
{
  const char *msgid = nh_record_choice_get_msgid (value);

  return *msgid != '\0' ? T (msgid) : "";
}

static const char *
column_label (NhVisitReport *self,
              NhRecordTable  table,
              const char    *column)
{
  const NhRecordColumn *columns = nh_record_get_columns (table, NULL);

  return T (columns[nh_record_find_column (table, column)].label);
}

static void
add_summary (NhVisitReport *self)
{
  const char *name = self->card != NULL ? nh_card_get_text (self->card, "child_name") : "";
  const char *birth = self->card != NULL ? nh_card_get_text (self->card, "birth_date") : "";
  const char *diagnosis = self->card != NULL ? nh_card_get_text (self->card, "diagnosis") : "";
  g_autofree char *from = ltr (self->from);
  g_autofree char *to = ltr (self->to);
  g_autofree char *period = g_strdup_printf (T (N_("Period: %s to %s")), from, to);
  g_autoptr(GString) who = g_string_new (NULL);
  g_autoptr(GString) ig = g_string_new (NULL);
  g_autoptr(GString) preventive_text = g_string_new (NULL);
  g_autoptr(GString) counts = g_string_new (NULL);
  g_autoptr(GPtrArray) preventive = nh_record_dup_current_preventive (self->record, self->to);
  const NhRecordEntry *last = NULL;
  guint n_infusions = 0, n_illnesses = 0, n_admissions = 0, n_courses = 0, n_results = 0;

  add_block (self, BLOCK_TITLE, T (N_("Health Record for the Clinic")));

  if (*name != '\0')
    g_string_append_printf (who, "\u2068%s\u2069", name);

  if (*birth != '\0')
    {
      g_autofree char *date = ltr (birth);

      if (who->len > 0)
        g_string_append (who, " · ");
      g_string_append_printf (who, T (N_("Born %s")), date);
    }
  if (who->len > 0)
    add_block (self, BLOCK_HEADING, who->str);
  add_block (self, BLOCK_TEXT, period);

  if (*diagnosis != '\0')
    {
      add_block (self, BLOCK_HEADING, T (N_("Diagnosis")));
      add_block (self, BLOCK_TEXT, diagnosis);
    }

  /* The immunoglobulin as of the period's end. */
  for (guint i = 0; i < nh_record_get_n_entries (self->record, NH_RECORD_INFUSIONS); i++)
    {
      const NhRecordEntry *entry = nh_record_get_entry (self->record, NH_RECORD_INFUSIONS, i);

      if (strncmp (entry->values[0], self->to, 10) <= 0)
        last = entry;
      if (in_period (self, entry->values[0]))
        n_infusions++;
    }

  add_block (self, BLOCK_HEADING, T (N_("Immunoglobulin Now")));
  if (last != NULL)
    {
      g_autofree char *date = g_strndup (last->values[0], 10);
      g_autofree char *shown = ltr (date);
      g_autofree char *dose = amount (get (last, NH_RECORD_INFUSIONS, "dose"), get (last, NH_RECORD_INFUSIONS, "dose_unit"));
      const char *route = choice_text (self, get (last, NH_RECORD_INFUSIONS, "route"));

      g_string_append_printf (ig, "\u2068%s\u2069", get (last, NH_RECORD_INFUSIONS, "product"));
      if (*dose != '\0')
        g_string_append_printf (ig, " · %s", dose);
      if (*route != '\0')
        g_string_append_printf (ig, " · %s", route);
      g_string_append_c (ig, '\n');
      g_string_append_printf (ig, T (N_("Last infusion: %s")), shown);
      if (nh_record_get_interval_days (self->record) > 0)
        {
          g_autofree char *days = g_strdup_printf ("%u", nh_record_get_interval_days (self->record));

          g_string_append (ig, " · ");
          g_string_append_printf (ig, T (N_("Days between infusions: %s")), days);
        }
    }
  else
    g_string_append (ig, T (N_("None written down")));
  add_block (self, BLOCK_TEXT, ig->str);

  add_block (self, BLOCK_HEADING, T (N_("Preventive Antibiotics Now")));
  for (guint i = 0; i < preventive->len; i++)
    {
      const NhRecordEntry *entry = g_ptr_array_index (preventive, i);

      if (preventive_text->len > 0)
        g_string_append_c (preventive_text, '\n');
      g_string_append_printf (preventive_text, "\u2068%s\u2069", get (entry, NH_RECORD_ANTIBIOTICS, "drug"));
      if (*get (entry, NH_RECORD_ANTIBIOTICS, "dose") != '\0')
        g_string_append_printf (preventive_text, " · \u2068%s\u2069", get (entry, NH_RECORD_ANTIBIOTICS, "dose"));
    }
  add_block (self, BLOCK_TEXT, preventive_text->len > 0 ? preventive_text->str : T (N_("None written down")));

  for (guint i = 0; i < nh_record_get_n_entries (self->record, NH_RECORD_ILLNESSES); i++)
    {
      const NhRecordEntry *entry = nh_record_get_entry (self->record, NH_RECORD_ILLNESSES, i);

      if (!in_period (self, entry->values[0]))
        continue;
      n_illnesses++;
      if (g_str_equal (get (entry, NH_RECORD_ILLNESSES, "hospital"), "admission"))
        n_admissions++;
    }
  for (guint i = 0; i < nh_record_get_n_entries (self->record, NH_RECORD_ANTIBIOTICS); i++)
    if (in_period (self, nh_record_get_entry (self->record, NH_RECORD_ANTIBIOTICS, i)->values[0]))
      n_courses++;
  for (guint i = 0; i < nh_record_get_n_entries (self->record, NH_RECORD_LAB_RESULTS); i++)
    if (in_period (self, nh_record_get_entry (self->record, NH_RECORD_LAB_RESULTS, i)->values[0]))
      n_results++;

  add_block (self, BLOCK_HEADING, T (N_("In This Period")));
  g_string_append_printf (counts, T (N_("Infusions: %u")), n_infusions);
  g_string_append_c (counts, '\n');
  g_string_append_printf (counts, T (N_("Illnesses: %u (admitted to hospital: %u)")), n_illnesses, n_admissions);
  g_string_append_c (counts, '\n');
  g_string_append_printf (counts, T (N_("Antibiotics started: %u")), n_courses);
  g_string_append_c (counts, '\n');
  g_string_append_printf (counts, T (N_("Lab results: %u")), n_results);
  add_block (self, BLOCK_TEXT, counts->str);

  add_block (self, BLOCK_TEXT, T (N_("Written down by the family in NEMO Handbook, every value as they typed it. "
                                     "The app suggests no dose, range or medicine.")));
}

static void
add_charts (NhVisitReport *self)
{
  g_auto(GStrv) tests = nh_record_chart_dup_tests (self->record, self->from, self->to);

  add_block (self, BLOCK_PAGE_BREAK, NULL);
  add_block (self, BLOCK_HEADING, T (N_("Illnesses per Month")));
  add_block (self, BLOCK_CHART_ILLNESSES, NULL);

  for (guint i = 0; tests[i] != NULL; i++)
    {
      add_block (self, BLOCK_HEADING, tests[i]);
      add_block (self, BLOCK_CHART_TEST, tests[i]);
    }
}

static const double infusion_widths[] = { 0.17, 0.21, 0.12, 0.13, 0.17, 0.20 };
static const double illness_widths[] = { 0.12, 0.12, 0.22, 0.20, 0.14, 0.20 };
static const double antibiotic_widths[] = { 0.14, 0.14, 0.26, 0.28, 0.18 };
static const double lab_widths[] = { 0.16, 0.34, 0.22, 0.28 };

static void
add_tables (NhVisitReport *self)
{
  for (guint t = 0; t < NH_RECORD_N_TABLES; t++)
    {
      static const char * const titles[] = { N_("Infusions"), N_("Illnesses"), N_("Antibiotics"), N_("Lab Results") };
      guint n = nh_record_get_n_entries (self->record, t);
      guint head = 0, rows = 0;

      add_block (self, t == 0 ? BLOCK_PAGE_BREAK : BLOCK_TEXT, t == 0 ? NULL : "");
      add_block (self, BLOCK_HEADING, T (titles[t]));

      switch (t)
        {
        case NH_RECORD_INFUSIONS:
          {
            const char *cells[] = { column_label (self, t, "time"), column_label (self, t, "product"),
                                    column_label (self, t, "dose"), column_label (self, t, "route"),
                                    column_label (self, t, "lots"), column_label (self, t, "reaction") };
            head = add_row (self, BLOCK_TABLE_HEAD, infusion_widths, 0, cells, G_N_ELEMENTS (cells));
          }
          break;
        case NH_RECORD_ILLNESSES:
          {
            const char *cells[] = { column_label (self, t, "onset"), column_label (self, t, "end"),
                                    column_label (self, t, "what"), column_label (self, t, "antibiotics"),
                                    column_label (self, t, "hospital"), column_label (self, t, "outcome") };
            head = add_row (self, BLOCK_TABLE_HEAD, illness_widths, 0, cells, G_N_ELEMENTS (cells));
          }
          break;
        case NH_RECORD_ANTIBIOTICS:
          {
            const char *cells[] = { column_label (self, t, "start"), column_label (self, t, "end"),
                                    column_label (self, t, "drug"), column_label (self, t, "dose"),
                                    column_label (self, t, "kind") };
            head = add_row (self, BLOCK_TABLE_HEAD, antibiotic_widths, 0, cells, G_N_ELEMENTS (cells));
          }
          break;
        case NH_RECORD_LAB_RESULTS:
          {
            const char *cells[] = { column_label (self, t, "date"), column_label (self, t, "test"),
                                    column_label (self, t, "value"), T (N_("Target range")) };
            head = add_row (self, BLOCK_TABLE_HEAD, lab_widths, 0, cells, G_N_ELEMENTS (cells));
          }
          break;
        default:
          g_assert_not_reached ();
        }

      for (guint i = 0; i < n; i++)
        {
          const NhRecordEntry *e = nh_record_get_entry (self->record, t, i);

          if (!in_period (self, e->values[0]))
            continue;
          rows++;

          switch (t)
            {
            case NH_RECORD_INFUSIONS:
              {
                g_autofree char *shown = g_strdup (e->values[0]);
                g_autofree char *time = NULL;
                g_autofree char *dose = amount (get (e, t, "dose"), get (e, t, "dose_unit"));
                const char *cells[6];

                /* "2026-03-01T18:30" reads with a space. */
                if (strlen (shown) == 16)
                  shown[10] = ' ';
                time = ltr (shown);
                cells[0] = time;
                cells[1] = get (e, t, "product");
                cells[2] = dose;
                cells[3] = choice_text (self, get (e, t, "route"));
                cells[4] = get (e, t, "lots");
                cells[5] = get (e, t, "reaction");

                add_row (self, BLOCK_TABLE_ROW, infusion_widths, head, cells, G_N_ELEMENTS (cells));
              }
              break;
            case NH_RECORD_ILLNESSES:
              {
                g_autofree char *onset = ltr (get (e, t, "onset"));
                g_autofree char *end = ltr (get (e, t, "end"));
                const char *cells[] = { onset, end, get (e, t, "what"), get (e, t, "antibiotics"),
                                        choice_text (self, get (e, t, "hospital")),
                                        get (e, t, "outcome") };

                add_row (self, BLOCK_TABLE_ROW, illness_widths, head, cells, G_N_ELEMENTS (cells));
              }
              break;
            case NH_RECORD_ANTIBIOTICS:
              {
                g_autofree char *start = ltr (get (e, t, "start"));
                g_autofree char *end = ltr (get (e, t, "end"));
                const char *cells[] = { start, end, get (e, t, "drug"), get (e, t, "dose"),
                                        choice_text (self, get (e, t, "kind")) };

                add_row (self, BLOCK_TABLE_ROW, antibiotic_widths, head, cells, G_N_ELEMENTS (cells));
              }
              break;
            case NH_RECORD_LAB_RESULTS:
              {
                g_autofree char *date = ltr (get (e, t, "date"));
                g_autofree char *value = amount (get (e, t, "value"), get (e, t, "unit"));
                g_autofree char *low = ltr (get (e, t, "target_low"));
                g_autofree char *high = ltr (get (e, t, "target_high"));
                g_autofree char *target = NULL;
                const char *cells[4];

                if (*low != '\0' && *high != '\0')
                  target = g_strdup_printf (T (N_("%s to %s")), low, high);
                else if (*low != '\0')
                  target = g_strdup_printf (T (N_("at least %s")), low);
                else if (*high != '\0')
                  target = g_strdup_printf (T (N_("at most %s")), high);
                cells[0] = date;
                cells[1] = get (e, t, "test");
                cells[2] = value;
                cells[3] = target != NULL ? target : "";
                add_row (self, BLOCK_TABLE_ROW, lab_widths, head, cells, G_N_ELEMENTS (cells));
              }
              break;
            default:
              g_assert_not_reached ();
            }
        }

      if (rows == 0)
        add_block (self, BLOCK_TEXT, T (N_("None in this period.")));
    }
}

/**
 * nh_visit_report_new:
 * @card: (nullable): the child's card, for their name and diagnosis
 * @edition: the printout language and the stamp on every page
 * @from: YYYY-MM-DD, the first day of the period
 * @to: YYYY-MM-DD, its last day
 */
NhVisitReport *
nh_visit_report_new (NhRecord   *record,
                     NhCard     *card,
                     NhEdition  *edition,
                     const char *from,
                     const char *to)
{
  NhVisitReport *self;

  g_return_val_if_fail (NH_IS_RECORD (record), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  self = g_new0 (NhVisitReport, 1);
  self->record = g_object_ref (record);
  self->card = card != NULL ? g_object_ref (card) : NULL;
  self->edition = g_object_ref (edition);
  self->from = g_strndup (from, 10);
  self->to = g_strndup (to, 10);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->page_heads = g_array_new (FALSE, FALSE, sizeof (guint));

  add_summary (self);
  add_charts (self);
  add_tables (self);

  return self;
}

void
nh_visit_report_free (NhVisitReport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->record);
  g_clear_object (&self->card);
  g_clear_object (&self->edition);
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->page_heads, g_array_unref);
  g_free (self->from);
  g_free (self->to);
  g_free (self);
}

static double
content_width (NhVisitReport *self)
{
  return self->width - 2 * self->margin;
}

static PangoLayout *
make_layout (NhVisitReport *self,
             const char    *text,
             double         size,
             gboolean       bold,
             double         width)
{
  PangoLayout *layout = nh_render_text_layout (self->context, "Sans", text, size, bold, width);

  /* Right to left: every paragraph starts on the right, whatever its first letter. */
  if (nh_edition_is_rtl (self->edition))
    {
      pango_layout_set_auto_dir (layout, FALSE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
    }

  return layout;
}

static double
text_size (NhVisitReport *self,
           BlockKind      kind)
{
  switch (kind)
    {
    case BLOCK_TITLE: return self->body * 1.7;
    case BLOCK_HEADING: return self->body * 1.15;
    case BLOCK_TABLE_HEAD:
    case BLOCK_TABLE_ROW: return self->body * 0.85;
    case BLOCK_TEXT:
    case BLOCK_CHART_ILLNESSES:
    case BLOCK_CHART_TEST:
    case BLOCK_PAGE_BREAK:
    default: return self->body;
    }
}

static double
cell_padding (NhVisitReport *self)
{
  return self->body * 0.3;
}

static double
measure (NhVisitReport *self,
         Block         *block)
{
  double width = content_width (self);

  switch (block->kind)
    {
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_TEXT:
      {
        g_autoptr(PangoLayout) layout = make_layout (self, block->text, text_size (self, block->kind),
                                                     block->kind != BLOCK_TEXT, width);
        double space = block->kind == BLOCK_TITLE ? self->body : self->body * 0.6;

        return nh_render_layout_height (layout) + space + (block->kind == BLOCK_HEADING ? self->body * 0.4 : 0);
      }

    case BLOCK_CHART_ILLNESSES:
    case BLOCK_CHART_TEST:
      return CHART_HEIGHT + self->body;

    case BLOCK_TABLE_HEAD:
    case BLOCK_TABLE_ROW:
      {
        double tallest = 0;

        for (guint i = 0; i < block->n_cells; i++)
          {
            g_autoptr(PangoLayout) layout = make_layout (self, block->cells[i], text_size (self, block->kind),
                                                         block->kind == BLOCK_TABLE_HEAD,
                                                         width * block->widths[i] - 2 * cell_padding (self));

            tallest = MAX (tallest, nh_render_layout_height (layout));
          }

        return tallest + 2 * cell_padding (self);
      }

    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

static void
lay_out (NhVisitReport *self,
         const NhPaper *paper)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_font_options_t *options;
  double usable, y = 0;
  guint page = 0;
  guint none = G_MAXUINT;

  if (self->context != NULL && self->width == paper->width && self->height == paper->height)
    return;

  g_clear_object (&self->context);
  self->width = paper->width;
  self->height = paper->height;
  self->body = CLAMP (10 * MIN (paper->width, paper->height) / NH_MM_TO_PT (210), 8, 10);
  self->margin = MAX (48 * MIN (paper->width, paper->height) / NH_MM_TO_PT (210), 30);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  self->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (self->context, 72);
  /* Unhinted metrics: the page count must not depend on the surface. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  if (nh_edition_is_rtl (self->edition))
    pango_context_set_base_dir (self->context, PANGO_DIRECTION_RTL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Room for the footer. */
  usable = self->height - 2 * self->margin - 2 * self->body;
  g_array_set_size (self->page_heads, 0);
  g_array_append_val (self->page_heads, none);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double needed;

      block->height = measure (self, block);
      needed = block->height;

      /* A heading stays with what follows it, and a table's head with its
       * first row. */
      for (guint k = i; k + 1 < self->blocks->len; k++)
        {
          BlockKind kind = g_array_index (self->blocks, Block, k).kind;
          Block *next = &g_array_index (self->blocks, Block, k + 1);

          if (kind != BLOCK_HEADING && kind != BLOCK_TABLE_HEAD)
            break;
          needed += measure (self, next);
        }

      if ((block->kind == BLOCK_PAGE_BREAK && y > 0) || (y > 0 && y + needed > usable))
        {
          page++;
          y = 0;
          g_array_append_val (self->page_heads, none);

          /* A table that goes on: its head again, first. */
          if (block->kind == BLOCK_TABLE_ROW)
            {
              g_array_index (self->page_heads, guint, page) = block->head;
              y += g_array_index (self->blocks, Block, block->head).height;
            }
        }

      block->page = page;
      block->y = y;
      y += block->height;
    }

  self->n_pages = page + 1;
}

guint
nh_visit_report_count_pages (NhVisitReport *self,
                             const NhPaper *paper)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (paper != NULL, 0);

  lay_out (self, paper);

  return self->n_pages;
}

static void
show (NhVisitReport *self,
      cairo_t       *cr,
      PangoLayout   *layout,
      double         x,
      double         y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_row (NhVisitReport *self,
          cairo_t       *cr,
          Block         *block,
          double         y)
{
  double width = content_width (self);
  gboolean rtl = nh_edition_is_rtl (self->edition);
  double x = rtl ? self->margin + width : self->margin;
  double pad = cell_padding (self);

  if (block->kind == BLOCK_TABLE_HEAD)
    {
      cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      cairo_rectangle (cr, self->margin, y, width, block->height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < block->n_cells; i++)
    {
      double cell = width * block->widths[i];
      g_autoptr(PangoLayout) layout = make_layout (self, block->cells[i], text_size (self, block->kind),
                                                   block->kind == BLOCK_TABLE_HEAD, cell - 2 * pad);

      /* Right to left, the first column is on the right. */
      if (rtl)
        x -= cell;
      show (self, cr, layout, x + pad, y + pad);
      if (!rtl)
        x += cell;
    }

  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, self->margin, y + block->height);
  cairo_line_to (cr, self->margin + width, y + block->height);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

void
nh_visit_report_draw_page (NhVisitReport *self,
                           cairo_t       *cr,
                           const NhPaper *paper,
                           guint          page,
                           guint          n_pages)
{
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) footer_layout = NULL;
  guint head;

  g_return_if_fail (self != NULL);

  lay_out (self, paper);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (page < self->page_heads->len && (head = g_array_index (self->page_heads, guint, page)) != G_MAXUINT)
    draw_row (self, cr, &g_array_index (self->blocks, Block, head), self->margin);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double y = self->margin + block->y;

      if (block->page != page)
        continue;

      switch (block->kind)
        {
        case BLOCK_TITLE:
        case BLOCK_HEADING:
        case BLOCK_TEXT:
          {
            g_autoptr(PangoLayout) layout = make_layout (self, block->text, text_size (self, block->kind),
                                                         block->kind != BLOCK_TEXT, content_width (self));

            show (self, cr, layout, self->margin, y + (block->kind == BLOCK_HEADING ? self->body * 0.4 : 0));
          }
          break;

        case BLOCK_CHART_ILLNESSES:
          cairo_save (cr);
          cairo_translate (cr, self->margin, y);
          nh_record_chart_draw_illnesses (cr, content_width (self), CHART_HEIGHT, self->record,
                                          self->from, self->to, T (N_("Illnesses")), T (N_("Infusions")));
          cairo_restore (cr);
          break;

        case BLOCK_CHART_TEST:
          cairo_save (cr);
          cairo_translate (cr, self->margin, y);
          nh_record_chart_draw_test (cr, content_width (self), CHART_HEIGHT, self->record, block->text,
                                     self->from, self->to, T (N_("Target range")));
          cairo_restore (cr);
          break;

        case BLOCK_TABLE_HEAD:
        case BLOCK_TABLE_ROW:
          draw_row (self, cr, block, y);
          break;

        case BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }

  footer = nh_render_dup_page_footer (self->edition, page, n_pages);
  footer_layout = make_layout (self, footer, self->body * 0.8, FALSE, content_width (self));
  pango_layout_set_alignment (footer_layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show (self, cr, footer_layout, self->margin, self->height - self->margin);
  cairo_restore (cr);
}
