/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-print-operation.c: the print dialog for any NhPrintout
 *
 * Modelled on GNOME Text Editor's EditorPrintOperation: a GtkPrintOperation
 * that owns what it prints, lays it out in begin-print for the page the
 * dialog chose and draws each page with the same code as the PDF export.
 *
 * Cards and checklists get a tab of their own in the dialog, "Sheets":
 * "Sheet of cards" (ten wallet cards to an A4 sheet) or "4 per page"
 * (four checklists to a sheet), with crop marks; the choice is
 * remembered. The dialog's two-sided setting decides whether the backs
 * are mirrored for duplex or printed single-sided.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-print.h"
#include "nh-print-operation.h"
#include "render/nh-sheet.h"

struct _NhPrintOperation
{
  GtkPrintOperation  parent_instance;

  NhPrintout        *printout;
  NhPrintout        *printing;    /* what is printed: the printout, or a sheet of it */
  const NhPaper     *sheet_paper; /* the paper of the sheet being printed, or NULL */
  GSettings         *settings;
  GtkCheckButton    *sheet_check;
  gboolean           sheet;
};

enum {
  PROP_0,
  PROP_PRINTOUT,
  PROP_SHEET,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (NhPrintOperation, nh_print_operation, GTK_TYPE_PRINT_OPERATION)

static GParamSpec *properties[N_PROPS];

/* The setting that remembers the sheet choice for this printout, or NULL
 * when it does not go on sheets. */
static const char *
sheet_key (NhPrintOperation *self)
{
  const char *kind = nh_printout_get_kind (self->printout);

  if (g_strcmp0 (kind, "emergency-card") == 0)
    return "print-card-sheet";
  if (g_strcmp0 (kind, "checklist") == 0)
    return "print-checklist-sheet";

  return NULL;
}

static void
nh_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  NhPrintOperation *self = NH_PRINT_OPERATION (operation);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  g_clear_object (&self->printing);
  self->sheet_paper = NULL;

  if (self->sheet && sheet_key (self) != NULL)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      const NhPaper *paper = nh_paper_for_size (nh_sheet_get_papers (), width, height);
      gboolean single_sided = settings == NULL ||
                              gtk_print_settings_get_duplex (settings) == GTK_PRINT_DUPLEX_SIMPLEX;
      NhSheet *sheet;

      /* The dialog still on the wallet card or A6: sheets are A4
       * (request-page-setup turns every page into one). */
      if (paper == NULL)
        paper = nh_paper_lookup ("a4");

      /* One full sheet; the dialog's copies make more. */
      if ((sheet = nh_sheet_new (self->printout, paper, 0, single_sided, NULL)))
        {
          self->printing = nh_printout_new_sheet (sheet);
          self->sheet_paper = paper;
          width = paper->width;
          height = paper->height;
        }
    }

  if (self->printing == NULL)
    self->printing = g_object_ref (self->printout);

  gtk_print_operation_set_n_pages (operation,
                                   nh_printout_count_pages (self->printing, width, height, NULL));
}

static void
nh_print_operation_request_page_setup (GtkPrintOperation *operation,
                                       GtkPrintContext   *context,
                                       int                page,
                                       GtkPageSetup      *setup)
{
  NhPrintOperation *self = NH_PRINT_OPERATION (operation);
  g_autoptr(GtkPaperSize) size = NULL;

  if (self->sheet_paper == NULL)
    return;

  size = nh_print_paper_size_new (self->sheet_paper);
  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
nh_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page)
{
  NhPrintOperation *self = NH_PRINT_OPERATION (operation);

  g_return_if_fail (self->printing != NULL);

  nh_printout_draw_page (self->printing, gtk_print_context_get_cairo_context (context),
                         gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context),
                         page, NULL);
}

static void
nh_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  NhPrintOperation *self = NH_PRINT_OPERATION (operation);

  g_clear_object (&self->printing);
  self->sheet_paper = NULL;
}

static GtkWidget *
nh_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  NhPrintOperation *self = NH_PRINT_OPERATION (operation);
  gboolean card = g_strcmp0 (nh_printout_get_kind (self->printout), "emergency-card") == 0;
  GtkWidget *box;
  GtkWidget *check;
  GtkWidget *note;

  if (sheet_key (self) == NULL)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  check = gtk_check_button_new_with_mnemonic (card ? _("_Sheet of cards") : _("_4 per page"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), self->sheet);
  gtk_box_append (GTK_BOX (box), check);

  note = gtk_label_new (card ? _("Ten wallet cards on an A4 sheet (eight on Letter), with crop marks to cut along. "
                                 "Print two-sided, flipping on the long edge, and every back lines up with its front.")
                             : _("Four checklists on a sheet, each a quarter of it (A6 on A4), with crop marks. "
                                 "Print two-sided, flipping on the long edge, for the second page on the back."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 50);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (box), note);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, note, NULL, -1);

  self->sheet_check = GTK_CHECK_BUTTON (check);
  gtk_print_operation_set_custom_tab_label (operation, _("Sheets"));

  return box;
}

static void
nh_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  NhPrintOperation *self = NH_PRINT_OPERATION (operation);

  if (self->sheet_check != NULL)
    nh_print_operation_set_sheet (self, gtk_check_button_get_active (self->sheet_check));
}

static void
nh_print_operation_dispose (GObject *object)
{
  NhPrintOperation *self = (NhPrintOperation *)object;

  g_clear_object (&self->printout);
  g_clear_object (&self->printing);
  g_clear_object (&self->settings);
  self->sheet_check = NULL;

  G_OBJECT_CLASS (nh_print_operation_parent_class)->dispose (object);
}

static void
nh_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NhPrintOperation *self = NH_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_PRINTOUT:
      g_value_set_object (value, self->printout);
      break;

    case PROP_SHEET:
      g_value_set_boolean (value, self->sheet);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NhPrintOperation *self = NH_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_PRINTOUT:
      self->printout = g_value_dup_object (value);
      break;

    case PROP_SHEET:
      nh_print_operation_set_sheet (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_print_operation_constructed (GObject *object)
{
  NhPrintOperation *self = NH_PRINT_OPERATION (object);
  GSettingsSchema *schema;

  G_OBJECT_CLASS (nh_print_operation_parent_class)->constructed (object);

  g_return_if_fail (NH_IS_PRINTOUT (self->printout));

  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), nh_printout_get_title (self->printout));

  /* The last choice, where the settings are installed. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), SCHEMA_ID, TRUE);
  if (schema != NULL && sheet_key (self) != NULL && g_settings_schema_has_key (schema, sheet_key (self)))
    {
      self->settings = g_settings_new (SCHEMA_ID);
      self->sheet = g_settings_get_boolean (self->settings, sheet_key (self));
    }
  g_clear_pointer (&schema, g_settings_schema_unref);
}

static void
nh_print_operation_class_init (NhPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = nh_print_operation_constructed;
  object_class->dispose = nh_print_operation_dispose;
  object_class->get_property = nh_print_operation_get_property;
  object_class->set_property = nh_print_operation_set_property;

  operation_class->begin_print = nh_print_operation_begin_print;
  operation_class->request_page_setup = nh_print_operation_request_page_setup;
  operation_class->draw_page = nh_print_operation_draw_page;
  operation_class->end_print = nh_print_operation_end_print;
  operation_class->create_custom_widget = nh_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = nh_print_operation_custom_widget_apply;

  properties[PROP_PRINTOUT] =
    g_param_spec_object ("printout", NULL, NULL,
                         NH_TYPE_PRINTOUT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHEET] =
    g_param_spec_boolean ("sheet", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nh_print_operation_init (NhPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* Layouts keep their own margins and scale to the page. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
}

/**
 * nh_print_operation_new:
 * @paper: (nullable): the paper the dialog starts with; NULL: the
 *   printout's default
 */
NhPrintOperation *
nh_print_operation_new (NhPrintout    *printout,
                        const NhPaper *paper)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = NULL;
  NhPrintOperation *self;

  g_return_val_if_fail (NH_IS_PRINTOUT (printout), NULL);

  self = g_object_new (NH_TYPE_PRINT_OPERATION, "printout", printout, NULL);

  /* The paper is given the way the layout wants it (the wallet card is
   * already wider than tall), so it is never turned again. */
  size = nh_print_paper_size_new (paper ? paper : nh_printout_get_default_paper (printout));
  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);

  return self;
}

NhPrintout *
nh_print_operation_get_printout (NhPrintOperation *self)
{
  g_return_val_if_fail (NH_IS_PRINT_OPERATION (self), NULL);

  return self->printout;
}

/* Whether a card or checklist is printed many to a sheet. */
gboolean
nh_print_operation_get_sheet (NhPrintOperation *self)
{
  g_return_val_if_fail (NH_IS_PRINT_OPERATION (self), FALSE);

  return self->sheet;
}

/* Remembered for the next time, for cards and checklists apart. */
void
nh_print_operation_set_sheet (NhPrintOperation *self,
                              gboolean          sheet)
{
  g_return_if_fail (NH_IS_PRINT_OPERATION (self));

  sheet = !!sheet;
  if (self->sheet == sheet)
    return;

  self->sheet = sheet;
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, sheet_key (self), sheet);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}
