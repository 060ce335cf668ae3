/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-clinic.h: a clinic's own name, 24-hour number and instruction, in its languages */
#pragma once

#include <glib-object.h>

#include "nh-edition.h"
#include "nh-store.h"

G_BEGIN_DECLS

/* A clinic file is small; anything larger is not one. */
#define NH_CLINIC_MAX_BYTES        (64 * 1024)
#define NH_CLINIC_MAX_NAME         200
#define NH_CLINIC_MAX_PHONE        40
#define NH_CLINIC_MAX_INSTRUCTION  600

#define NH_TYPE_CLINIC (nh_clinic_get_type ())

G_DECLARE_FINAL_TYPE (NhClinic, nh_clinic, NH, CLINIC, GObject)

NhClinic   *nh_clinic_new                  (void);
NhClinic   *nh_clinic_new_from_bytes       (GBytes       *bytes,
                                            GError      **error);
NhClinic   *nh_clinic_new_from_file        (GFile        *file,
                                            GError      **error);
GPtrArray  *nh_clinic_check_bytes          (GBytes       *bytes,
                                            NhClinic    **clinic);
NhClinic   *nh_clinic_load                 (NhStore      *store,
                                            GError      **error);
gboolean    nh_clinic_save                 (NhClinic     *self,
                                            NhStore      *store,
                                            GError      **error);
GBytes     *nh_clinic_to_bytes             (NhClinic     *self);
gboolean    nh_clinic_is_empty             (NhClinic     *self);

const char *nh_clinic_get_name             (NhClinic     *self);
const char *nh_clinic_get_phone            (NhClinic     *self);
void        nh_clinic_set_name             (NhClinic     *self,
                                            const char   *name);
void        nh_clinic_set_phone            (NhClinic     *self,
                                            const char   *phone);
guint       nh_clinic_get_n_instructions   (NhClinic     *self);
const char *nh_clinic_get_instruction_language (NhClinic *self,
                                                guint     i);
const char *nh_clinic_get_instruction_text (NhClinic     *self,
                                            guint         i);
void        nh_clinic_set_instruction      (NhClinic     *self,
                                            const char   *language,
                                            const char   *text);
const char *nh_clinic_lookup_instruction   (NhClinic     *self,
                                            const char   *language,
                                            const char  **written_in);

const char *nh_clinic_language_name         (const char   *language);

G_END_DECLS
