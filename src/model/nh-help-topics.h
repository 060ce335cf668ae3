/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-help-topics.h: the installed Mallard help pages, as plain text for search */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char  *id;          /* the page id, as in help:nemo-handbook/ID */
  char  *title;
  GStrv  paragraphs;  /* the description first, then each paragraph and list item */
} NhHelpTopic;

void       nh_help_topic_free   (NhHelpTopic *topic);
GPtrArray *nh_help_topics_load  (const char  *language);
GPtrArray *nh_help_topics_load_dir (const char *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhHelpTopic, nh_help_topic_free)

G_END_DECLS
