/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-checklist-printout.c: the "infection suspected" checklist as an NhPrintout
 *
 * The one place that gathers what the printed checklist carries besides
 * the edition: the clinic's instruction and number, the episode, and the
 * phone numbers on the family's emergency card. See nh-checklist-render.c
 * for the drawing.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-checklist-render.h"
#include "nh-printout.h"

typedef struct
{
  NhChecklistDoc doc;
  char          *clinic_text;
  char          *clinic_phone;
  char          *clinic_name;
  GStrv          contacts;
} ChecklistPrintout;

static const char * const checklist_papers[] = { "a4", "letter", "a5", "a6", NULL };

static void
checklist_printout_free (gpointer data)
{
  ChecklistPrintout *self = data;

  g_clear_object (&self->doc.edition);
  g_clear_object (&self->doc.episode);
  g_clear_object (&self->doc.card);
  g_clear_pointer (&self->clinic_text, g_free);
  g_clear_pointer (&self->clinic_phone, g_free);
  g_clear_pointer (&self->clinic_name, g_free);
  g_clear_pointer (&self->contacts, g_strfreev);
  g_free (self);
}

static void
apply_numbering (ChecklistPrintout     *self,
                 const NhPageNumbering *numbering)
{
  self->doc.first_page = numbering ? numbering->first : 0;
  self->doc.total_pages = numbering ? numbering->total : 0;
}

static guint
checklist_count_pages (gpointer               data,
                       double                 width,
                       double                 height,
                       const NhPageNumbering *numbering)
{
  ChecklistPrintout *self = data;

  apply_numbering (self, numbering);

  return nh_checklist_render_count_pages (&self->doc, width, height);
}

static void
checklist_draw_page (gpointer               data,
                     cairo_t               *cr,
                     double                 width,
                     double                 height,
                     guint                  page,
                     const NhPageNumbering *numbering)
{
  ChecklistPrintout *self = data;

  apply_numbering (self, numbering);
  nh_checklist_render_page (&self->doc, cr, width, height, page);
}

static const NhPrintoutFuncs checklist_funcs = { checklist_count_pages, checklist_draw_page };

/**
 * nh_printout_new_checklist:
 * @state: (nullable): where older versions kept the clinic's text,
 *   used when @clinic is empty
 * @clinic: (nullable): the clinic's name, 24-hour number and instruction,
 *   which is printed in the edition's language, or else in the clinic's
 *   first language, saying so
 * @episode: (nullable): the episode to print, for the doctor; NULL: a
 *   blank checklist to fill in by hand, for clinics to hand out
 * @card: (nullable): the family's card, whose phone numbers and identity
 *   lines a filled checklist shows; a blank one, or none, has lines to
 *   write them on
 */
NhPrintout *
nh_printout_new_checklist (NhEdition        *edition,
                           NhChecklistState *state,
                           NhClinic         *clinic,
                           NhEpisode        *episode,
                           NhCard           *card)
{
  ChecklistPrintout *self;
  NhPrintout *printout;

  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);
  g_return_val_if_fail (state == NULL || NH_IS_CHECKLIST_STATE (state), NULL);
  g_return_val_if_fail (clinic == NULL || NH_IS_CLINIC (clinic), NULL);
  g_return_val_if_fail (episode == NULL || NH_IS_EPISODE (episode), NULL);
  g_return_val_if_fail (card == NULL || NH_IS_CARD (card), NULL);

  self = g_new0 (ChecklistPrintout, 1);
  self->doc.edition = g_object_ref (edition);
  self->doc.episode = episode ? g_object_ref (episode) : NULL;
  if (clinic != NULL && !nh_clinic_is_empty (clinic))
    {
      const char *language = nh_edition_get_language (edition);
      const char *written_in = NULL;
      const char *text = nh_clinic_lookup_instruction (clinic, language, &written_in);

      self->clinic_text = g_strdup (text ? text : "");
      self->clinic_phone = g_strdup (nh_clinic_get_phone (clinic));
      self->clinic_name = g_strdup (nh_clinic_get_name (clinic));
      if (written_in != NULL && !g_str_equal (written_in, language) &&
          g_strcmp0 (nh_clinic_language_name (written_in), nh_clinic_language_name (language)) != 0)
        self->doc.clinic_language_name = nh_clinic_language_name (written_in);
    }
  else
    {
      self->clinic_text = g_strdup (state ? nh_checklist_state_get_clinic_text (state) : "");
      self->clinic_phone = g_strdup (state ? nh_checklist_state_get_clinic_phone (state) : "");
    }
  self->doc.clinic_name = self->clinic_name;
  self->doc.clinic_text = self->clinic_text;
  self->doc.clinic_phone = self->clinic_phone;

  /* A filled checklist lists the numbers on the family's card, and says
   * whose it is (nh-identity-block.c): a copy, as the card may be edited
   * while the print dialog is open. */
  if (episode != NULL && card != NULL)
    {
      self->contacts = nh_card_dup_phone_contacts (card, edition);
      self->doc.contacts = (const char * const *)self->contacts;
      self->doc.card = nh_card_copy (card);
    }

  printout = nh_printout_new (nh_edition_get_checklist_title (edition),
                              checklist_papers,
                              &checklist_funcs, self, checklist_printout_free);
  nh_printout_set_kind (printout, "checklist");

  return printout;
}
