export interface ServiceOption {
  slug: string;
  name: string;
  group?: string;
}
