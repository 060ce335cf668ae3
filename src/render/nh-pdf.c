/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-pdf.c: write pages drawn with Cairo to a PDF file, atomically
 *
 * The PDF goes to a temporary file beside the target and is renamed over it
 * only when complete, so a failed export never leaves a partial file.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "nh-pdf.h"

typedef struct
{
  int fd;
  int saved_errno;  /* why writing failed, to say it in plain words */
} Output;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Output *output = closure;

  while (length > 0)
    {
      gssize written = write (output->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          output->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= written;
    }

  return CAIRO_STATUS_SUCCESS;
}

gboolean
nh_pdf_write (const char      *path,
              double           width,
              double           height,
              guint            n_pages,
              NhDrawPageFunc   draw_page,
              gpointer         user_data,
              GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Output output = { -1, 0 };
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw_page != NULL, FALSE);
  g_return_val_if_fail (n_pages > 0, FALSE);

  dir = g_path_get_dirname (path);
  tmp_path = g_build_filename (dir, ".nemo-handbook-XXXXXX.pdf", NULL);

  if ((fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CREAT | O_EXCL, 0644)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write in “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  output.fd = fd;
  surface = cairo_pdf_surface_create_for_stream (write_cb, &output, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "NEMO Handbook");

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_t *cr = cairo_create (surface);

      draw_page (cr, width, height, page, user_data);
      cairo_destroy (cr);
      cairo_surface_show_page (surface);
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (fd) != 0)
    {
      output.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (close (fd) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      output.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      /* "No space left on device" says more than Cairo's "error while
       * writing to output stream". */
      if (output.saved_errno != 0)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (output.saved_errno),
                     _("Could not write “%s”: %s"), path, g_strerror (output.saved_errno));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
