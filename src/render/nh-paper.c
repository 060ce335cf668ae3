/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-paper.c: the named paper sizes printouts come in */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nh-paper.h"

static const NhPaper papers[] = {
  { "a4", "A4", NH_MM_TO_PT (210), NH_MM_TO_PT (297) },
  { "letter", "US Letter", 612, 792 },
  { "a5", "A5", NH_MM_TO_PT (148), NH_MM_TO_PT (210) },
  { "a6", "A6", NH_MM_TO_PT (105), NH_MM_TO_PT (148) },
  /* ISO/IEC 7810 ID-1, the size of a bank card; landscape. */
  { "id1", "Wallet card (ID-1)", NH_MM_TO_PT (85.6), NH_MM_TO_PT (54) },
};

/* Returns: (nullable): the paper, or NULL for an unknown id */
const NhPaper *
nh_paper_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (papers[i].id, id) == 0)
      return &papers[i];

  return NULL;
}

/* "a4, letter or a6", for messages. */
char *
nh_paper_list_ids (const char * const *ids)
{
  GString *list = g_string_new (NULL);
  guint n = g_strv_length ((char **)ids);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: a list of choices: "a4, letter or a6" */
        g_string_append (list, i + 1 == n ? _(" or ") : _(", "));
      g_string_append (list, ids[i]);
    }

  return g_string_free (list, FALSE);
}

/**
 * nh_paper_for_size:
 * @ids: the papers to choose from
 *
 * Which of @ids is @width x @height points, either way round, to a
 * millimetre: what a print dialog's page is.
 *
 * Returns: (nullable): the paper, or NULL when none is that size
 */
const NhPaper *
nh_paper_for_size (const char * const *ids,
                   double              width,
                   double              height)
{
  const double slack = NH_MM_TO_PT (1);

  g_return_val_if_fail (ids != NULL, NULL);

  for (guint i = 0; ids[i]; i++)
    {
      const NhPaper *paper = nh_paper_lookup (ids[i]);

      if (paper == NULL)
        continue;
      if ((fabs (paper->width - width) < slack && fabs (paper->height - height) < slack) ||
          (fabs (paper->width - height) < slack && fabs (paper->height - width) < slack))
        return paper;
    }

  return NULL;
}
