import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { emptyProduct, emptyRange, type ProductValues, type RangeValues } from './report-form-model';

interface ProductsEditorProps {
  value: ProductValues[];
  onChange: (products: ProductValues[]) => void;
  errors: Record<string, string>;
}

const rangeFields: { key: keyof Omit<RangeValues, 'key'>; label: string; placeholder?: string }[] = [
  { key: 'scheme', label: 'Scheme', placeholder: 'semver' },
  { key: 'introduced', label: 'Introduced', placeholder: '2.0.0' },
  { key: 'fixed', label: 'Fixed', placeholder: '2.17.1' },
  { key: 'lastAffected', label: 'Last affected' },
  { key: 'version', label: 'Explicit version' },
];

function RangeRow(props: {
  range: RangeValues;
  path: string;
  label: string;
  errors: Record<string, string>;
  onChange: (range: RangeValues) => void;
  onRemove: () => void;
}) {
  const { range, path, errors } = props;
  return (
    <Stack gap={2}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        {rangeFields.map((field) => (
          <TextInput
            key={field.key}
            size="xs"
            style={{ flex: field.key === 'scheme' ? '0 0 90px' : 1 }}
            label={field.label}
            aria-label={`${props.label} ${field.label.toLowerCase()}`}
            placeholder={field.placeholder}
            value={range[field.key]}
            onChange={(event) => props.onChange({ ...range, [field.key]: event.currentTarget.value })}
            error={errors[`${path}.${field.key}`]}
          />
        ))}
        <Tooltip label="Remove this range">
          <ActionIcon
            variant="subtle"
            color="red"
            mt={22}
            onClick={props.onRemove}
            aria-label={`Remove ${props.label}`}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {errors[path] && (
        <Text size="xs" c="red">
          {errors[path]}
        </Text>
      )}
    </Stack>
  );
}

function ProductCard(props: {
  product: ProductValues;
  index: number;
  errors: Record<string, string>;
  onChange: (product: ProductValues) => void;
  onRemove: () => void;
}) {
  const { product, index, errors } = props;
  const path = `products.${index}`;
  const label = `Product ${index + 1}`;
  const text = (key: 'vendor' | 'product' | 'model' | 'purl' | 'cpe', name: string, extra = {}) => (
    <TextInput
      size="sm"
      label={name}
      aria-label={`${label} ${name.toLowerCase()}`}
      value={product[key]}
      onChange={(event) => props.onChange({ ...product, [key]: event.currentTarget.value })}
      error={errors[`${path}.${key}`]}
      {...extra}
    />
  );
  const setRange = (j: number, range: RangeValues) =>
    props.onChange({ ...product, versions: product.versions.map((r, k) => (k === j ? range : r)) });
  const productLevel = [errors[path], errors[`${path}.versions`]].filter(Boolean).join('; ');
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="product-editor">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Button size="compact-xs" variant="subtle" color="red" onClick={props.onRemove} aria-label={`Remove ${label}`}>
          Remove
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        {text('vendor', 'Vendor', { withAsterisk: true })}
        {text('product', 'Product', { withAsterisk: true })}
        {text('model', 'Model')}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
        {text('purl', 'Package URL', { placeholder: 'pkg:maven/org.apache.logging.log4j/log4j-core' })}
        {text('cpe', 'CPE', { placeholder: 'cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*' })}
      </SimpleGrid>
      <Stack gap="xs" mt="xs">
        {product.versions.map((range, j) => (
          <RangeRow
            key={range.key}
            range={range}
            path={`${path}.versions.${j}`}
            label={`${label} range ${j + 1}`}
            errors={errors}
            onChange={(next) => setRange(j, next)}
            onRemove={() => props.onChange({ ...product, versions: product.versions.filter((_, k) => k !== j) })}
          />
        ))}
        {productLevel && (
          <Text size="xs" c="red">
            {productLevel}
          </Text>
        )}
        <Group>
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconPlus size={12} />}
            onClick={() => props.onChange({ ...product, versions: [...product.versions, emptyRange()] })}
          >
            Add version range
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function ProductsEditor({ value, onChange, errors }: ProductsEditorProps) {
  return (
    <Stack gap="sm" data-testid="products-editor">
      {value.map((product, i) => (
        <ProductCard
          key={product.key}
          product={product}
          index={i}
          errors={errors}
          onChange={(next) => onChange(value.map((p, k) => (k === i ? next : p)))}
          onRemove={() => onChange(value.filter((_, k) => k !== i))}
        />
      ))}
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          No affected products. Regimes that require products will list them as missing.
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...value, emptyProduct()])}
        >
          Add product
        </Button>
      </Group>
    </Stack>
  );
}
