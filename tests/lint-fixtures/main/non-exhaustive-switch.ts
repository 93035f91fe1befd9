type Status = 'red' | 'amber' | 'green';

export function label(status: Status): string {
  switch (status) {
    case 'red':
      return 'short';
    case 'amber':
      return 'tight';
  }
  return '';
}
