/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-read-aloud.h: reads paragraphs aloud through the desktop's speech service */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  NH_READ_ALOUD_IDLE,
  NH_READ_ALOUD_CONNECTING,
  NH_READ_ALOUD_SPEAKING,
  NH_READ_ALOUD_PAUSED,
} NhReadAloudState;

#define NH_TYPE_READ_ALOUD (nh_read_aloud_get_type ())

G_DECLARE_FINAL_TYPE (NhReadAloud, nh_read_aloud, NH, READ_ALOUD, GObject)

NhReadAloud      *nh_read_aloud_new       (void);
void              nh_read_aloud_start     (NhReadAloud        *self,
                                           const char         *language,
                                           const char * const *paragraphs);
void              nh_read_aloud_pause     (NhReadAloud        *self);
void              nh_read_aloud_resume    (NhReadAloud        *self);
void              nh_read_aloud_stop      (NhReadAloud        *self);
NhReadAloudState  nh_read_aloud_get_state (NhReadAloud        *self);

G_END_DECLS
