// The cadre's photo (PUT /api/v1/cadres/{id}/photo: the image itself, JPEG or PNG, at most
// 512 KB), checked here first so that a wrong file is named before anything is sent.
import { Avatar, Button, FileButton, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CadreView, useInvalidateCadres } from '../../api/cadres.ts';
import { request } from '../../api/client.ts';
import { useErrorText } from '../../components/error-alert.tsx';
import { useToast } from '../../components/toast.tsx';

export const PHOTO_MAX_BYTES = 524_288;
export const PHOTO_ACCEPT = 'image/jpeg,image/png';

/** Whether a chosen file can be the photo: JPEG or PNG, at most 512 KB (the server checks the bytes again). */
export const photoProblem = (file: File): 'type' | 'size' | null =>
  file.type !== 'image/jpeg' && file.type !== 'image/png' ? 'type' : file.size > PHOTO_MAX_BYTES ? 'size' : null;

export const uploadCadrePhoto = (cadreId: string, file: File) =>
  request<{ photoUrl: string }>('PUT', `/api/v1/cadres/${encodeURIComponent(cadreId)}/photo`, undefined, {
    body: file,
    contentType: file.type,
  });

const initials = (name: string) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase();

/** The photo beside the cadre's name; admins and managers upload or replace it. */
export function CadrePhoto({ cadre, manages }: { cadre: CadreView; manages: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const invalidate = useInvalidateCadres();
  // The file just uploaded, shown at once (the served photo may be cached by the browser for a day).
  const [local, setLocal] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadCadrePhoto(cadre.id, file),
    onSuccess: async (_, file) => {
      setLocal(URL.createObjectURL(file));
      await invalidate();
      toast.success(t('cadres.photo.saved'));
    },
    onError: (error) => setProblem(errorText(error)),
  });
  const choose = (file: File | null) => {
    setProblem(null);
    if (!file) return;
    const wrong = photoProblem(file);
    if (wrong) setProblem(t(`cadres.photo.${wrong}`));
    else upload.mutate(file);
  };
  const src = local ?? cadre.photoUrl;
  return (
    <Stack gap={4} align="center" style={{ flexShrink: 0 }}>
      <Avatar src={src} alt={cadre.name} size={72} radius="md" color="teal" data-testid="cadre-photo">
        {initials(cadre.name)}
      </Avatar>
      {manages && (
        <FileButton onChange={choose} accept={PHOTO_ACCEPT}>
          {(props) => (
            <Button {...props} size="compact-xs" variant="subtle" loading={upload.isPending} data-testid="photo-upload">
              {src ? t('cadres.photo.replace') : t('cadres.photo.upload')}
            </Button>
          )}
        </FileButton>
      )}
      {problem && (
        <Text size="xs" c="red.9" maw={160} ta="center" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
